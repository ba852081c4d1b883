import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ClusterTemplateSchemaResponse } from '@fleet-portal/plugin-fleet-common';
import {
  getFleetJson,
  managementOf,
  whyFleetFailed,
  type FleetHttpAccess,
} from './fleetHttp';

export type { FleetHttpAccess } from './fleetHttp';

export interface TemplateRef {
  /** The management cluster id; when absent, the fleet's only one. */
  management?: string;
  namespace: string;
  template: string;
}

/** Which values schema `spec.config` is checked against, and why. */
export type ValuesSchemaChoice =
  | {
      kind: 'live';
      schema: Record<string, unknown>;
      /** `ClusterTemplate <ns>/<name> on <management> (ConfigMap <ns>/<name>)` */
      source: string;
    }
  | { kind: 'bundled'; reason: string };

/**
 * The ClusterTemplate's live values schema (its schema ConfigMap, read through the fleet
 * backend), or why the bundled schema has to do: no fleet access, the fleet unreachable, or a
 * template without a schema ConfigMap.
 */
export async function chooseValuesSchema(
  access: FleetHttpAccess | undefined,
  credentials: () => Promise<BackstageCredentials>,
  ref: TemplateRef,
): Promise<ValuesSchemaChoice> {
  if (!access)
    return {
      kind: 'bundled',
      reason: 'the action was created without access to the fleet backend',
    };
  try {
    const onBehalfOf = await credentials();
    const management = await managementOf(access, onBehalfOf, ref);
    const path = `/management/${encodeURIComponent(
      management,
    )}/namespaces/${encodeURIComponent(
      ref.namespace,
    )}/cluster-templates/${encodeURIComponent(ref.template)}/schema`;
    const answer = await getFleetJson<ClusterTemplateSchemaResponse>(
      access,
      onBehalfOf,
      path,
    );
    return {
      kind: 'live',
      schema: answer.schema,
      source: `ClusterTemplate ${ref.namespace}/${ref.template} on ${management} (ConfigMap ${answer.source})`,
    };
  } catch (error) {
    return {
      kind: 'bundled',
      reason: `no live values schema for ClusterTemplate ${ref.namespace}/${
        ref.template
      }: ${whyFleetFailed(error)}`,
    };
  }
}
