import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ApiServerConnectionOptions } from './connections/types';

/**
 * Lets a backend module add API servers beside those in config, e.g. the demo fleet that
 * `packages/backend` starts when no management cluster is configured.
 */
export interface FleetConnectionsExtensionPoint {
  addManagementCluster(connection: ApiServerConnectionOptions): void;
  addDnsCluster(connection: ApiServerConnectionOptions): void;
}

export const fleetConnectionsExtensionPoint =
  createExtensionPoint<FleetConnectionsExtensionPoint>({
    id: 'fleet.connections',
  });
