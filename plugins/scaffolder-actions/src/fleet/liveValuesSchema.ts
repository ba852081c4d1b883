import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type {
  ClusterTemplateSchemaResponse,
  ManagementClusterListResponse,
} from '@internal/plugin-fleet-common';

/** Which values schema `spec.config` is checked against, and why. */
export type ValuesSchemaChoice =
  | {
      kind: 'live';
      schema: Record<string, unknown>;
      /** `ClusterTemplate <ns>/<name> on <management> (ConfigMap <ns>/<name>)` */
      source: string;
    }
  | { kind: 'bundled'; reason: string };

/** Where the action reads the fleet: the fleet backend's HTTP API, as the initiator. */
export interface FleetHttpAccess {
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getPluginRequestToken'>;
  /** How long the fleet backend may take to answer (default 10 s). */
  timeoutMs?: number;
}

export interface TemplateRef {
  /** The management cluster id; when absent, the fleet's only one. */
  management?: string;
  namespace: string;
  template: string;
}

class FleetUnavailable extends Error {}

async function getJson<T>(
  access: FleetHttpAccess,
  credentials: BackstageCredentials,
  path: string,
): Promise<T> {
  const baseUrl = await access.discovery.getBaseUrl('fleet');
  const { token } = await access.auth.getPluginRequestToken({
    onBehalfOf: credentials,
    targetPluginId: 'fleet',
  });
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(access.timeoutMs ?? 10_000),
  });
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    const message = body?.error?.message ?? response.statusText;
    throw new FleetUnavailable(`HTTP ${response.status}: ${message}`);
  }
  return (await response.json()) as T;
}

async function managementOf(
  access: FleetHttpAccess,
  credentials: BackstageCredentials,
  ref: TemplateRef,
): Promise<string> {
  if (ref.management) return ref.management;
  const { items } = await getJson<ManagementClusterListResponse>(
    access,
    credentials,
    '/management',
  );
  if (items.length !== 1) {
    throw new FleetUnavailable(
      `the fleet has ${items.length} management clusters (${items
        .map(i => i.id)
        .join(', ')}); name one with the input "management"`,
    );
  }
  return items[0].id;
}

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
    const answer = await getJson<ClusterTemplateSchemaResponse>(
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
    const why =
      error instanceof FleetUnavailable
        ? error.message
        : `the fleet backend could not be reached (${
            (error as Error)?.name === 'TimeoutError'
              ? 'no answer in time'
              : (error as Error)?.message ?? String(error)
          })`;
    return {
      kind: 'bundled',
      reason: `no live values schema for ClusterTemplate ${ref.namespace}/${ref.template}: ${why}`,
    };
  }
}
