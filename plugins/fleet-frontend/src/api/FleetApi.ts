import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ClusterDetail,
  ClusterInventoryResponse,
  ClusterListResponse,
  ClusterRef,
  ClusterStateAt,
  HistoryKind,
  HistoryResponse,
} from '@internal/plugin-fleet-common';

/** Narrows a cluster's history; every field is optional. Times are ISO 8601. */
export interface HistoryQuery {
  from?: string;
  to?: string;
  node?: string;
  kinds?: HistoryKind[];
  limit?: number;
}

/**
 * Reads the fleet from the fleet backend plugin. Every method rejects with a `ResponseError`
 * on failure (403 when `fleet.cluster.read` is denied).
 */
export interface FleetApi {
  listClusters(): Promise<ClusterListResponse>;
  /** What hangs off each cluster: its VMs (with their VMImage names) and DNS zones. */
  listInventory(): Promise<ClusterInventoryResponse>;
  /** Rejects with 404 for a cluster not in the fleet. */
  getCluster(ref: ClusterRef): Promise<ClusterDetail>;
  /** The cluster's recorded changes, newest first. */
  getHistory(ref: ClusterRef, query?: HistoryQuery): Promise<HistoryResponse>;
  /** The cluster as it was at `at`; rejects with 404 when nothing was recorded by then. */
  getStateAt(ref: ClusterRef, at: string): Promise<ClusterStateAt>;
}

export const fleetApiRef = createApiRef<FleetApi>().with({
  id: 'plugin.fleet.api',
  pluginId: 'fleet',
});
