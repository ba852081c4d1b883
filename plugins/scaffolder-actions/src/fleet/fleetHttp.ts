import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { ManagementClusterListResponse } from '@fleet-portal/plugin-fleet-common';

/** Where the action reads the fleet: the fleet backend's HTTP API, as the initiator. */
export interface FleetHttpAccess {
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getPluginRequestToken'>;
  /** How long the fleet backend may take to answer (default 10 s). */
  timeoutMs?: number;
}

/** The fleet backend answered with an error, or the fleet cannot answer the question. */
export class FleetUnavailable extends Error {}

/** GETs a path of the fleet backend's API on behalf of the initiator. */
export async function getFleetJson<T>(
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

/** The management cluster named in the input, else the fleet's only one. */
export async function managementOf(
  access: FleetHttpAccess,
  credentials: BackstageCredentials,
  ref: { management?: string },
): Promise<string> {
  if (ref.management) return ref.management;
  const { items } = await getFleetJson<ManagementClusterListResponse>(
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

/** Why a question to the fleet backend got no answer, in words for an error message. */
export function whyFleetFailed(error: unknown): string {
  if (error instanceof FleetUnavailable) return error.message;
  return `the fleet backend could not be reached (${
    (error as Error)?.name === 'TimeoutError'
      ? 'no answer in time'
      : (error as Error)?.message ?? String(error)
  })`;
}
