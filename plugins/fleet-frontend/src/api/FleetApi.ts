import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ClusterDetail,
  ClusterListResponse,
  ClusterRef,
} from '@internal/plugin-fleet-common';

/** Reads the fleet from the fleet backend plugin. */
export interface FleetApi {
  listClusters(): Promise<ClusterListResponse>;
  /** Rejects with a `ResponseError` (404 unknown cluster, 403 `fleet.cluster.read` denied). */
  getCluster(ref: ClusterRef): Promise<ClusterDetail>;
}

export const fleetApiRef = createApiRef<FleetApi>().with({
  id: 'plugin.fleet.api',
  pluginId: 'fleet',
});
