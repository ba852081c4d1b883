import type { FleetApi } from '../api';
import { FleetFieldProps, otherFormValue } from './fieldProps';
import type { FieldOption } from './options';
import type { FleetOptionsState } from './useFleetOptions';

/** Options of the fields that read one management namespace (ClusterTemplates, Credentials). */
export interface ManagementNamespaceFieldOptions {
  /** The management cluster id; when neither this nor `managementField` gives one, the fleet's only one. */
  management?: string;
  /** The form field holding the management cluster id (default "management"). */
  managementField?: string;
  /** The form field holding the namespace (default "namespace"). */
  namespaceField?: string;
}

export interface NamedNamespace {
  management?: string;
  namespace?: string;
}

/** The management cluster and namespace the rest of the form names. */
export function namedNamespace(
  props: FleetFieldProps<ManagementNamespaceFieldOptions>,
): NamedNamespace {
  const options = props.uiSchema?.['ui:options'];
  return {
    management:
      otherFormValue(props, options?.managementField ?? 'management') ??
      options?.management,
    namespace: otherFormValue(props, options?.namespaceField ?? 'namespace'),
  };
}

/** The management cluster to ask: the one named, else the fleet's only one. */
export async function resolveManagement(
  api: FleetApi,
  named: NamedNamespace,
): Promise<string> {
  if (named.management) return named.management;
  const { items } = await api.listManagementClusters();
  if (items.length === 1) return items[0].id;
  throw new Error(
    items.length === 0
      ? 'no management cluster is configured'
      : `the fleet has ${items.length} management clusters; the form names none of them`,
  );
}

/**
 * The values the template itself lists (`examples`, or an `enum`) when the fleet cannot be
 * read: the form still offers them, saying they are not read from the fleet.
 */
export function withWrittenFallback<T>(
  state: FleetOptionsState<T>,
  schema: { enum?: unknown[]; examples?: unknown } | undefined,
): FleetOptionsState<T> {
  if (state.status !== 'unavailable') return state;
  const written = [
    ...(Array.isArray(schema?.examples) ? schema!.examples : []),
    ...(schema?.enum ?? []),
  ].filter((v): v is string => typeof v === 'string');
  if (written.length === 0) return state;
  const options: FieldOption[] = [...new Set(written)].map(value => ({
    value,
    label: value,
  }));
  return {
    status: 'ready',
    options,
    note: `${state.reason} Offering the values written in the template instead; they may not exist on the management cluster.`,
  };
}
