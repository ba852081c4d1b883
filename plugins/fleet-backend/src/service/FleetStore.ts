import type {
  ClusterDetail,
  ClusterInventoryItem,
  ClusterRef,
  ClusterSummary,
  HistoryEntry,
  HistoryKind,
  SourceStatus,
} from '@fleet-portal/plugin-fleet-common';

export interface HistoryQuery {
  clusterId: string;
  from?: string;
  to?: string;
  /** Only changes of this node. */
  node?: string;
  kinds?: HistoryKind[];
  limit?: number;
}

/** The last known fleet. The API reads only from here, so no request ever waits for a cluster. */
export interface FleetStore {
  /** Moves whenever any replica writes; readers cache what they derive from the store by it. */
  version(): Promise<number>;
  listClusters(): Promise<ClusterSummary[]>;
  getCluster(ref: ClusterRef): Promise<ClusterDetail | undefined>;
  /** The same as JSON text, as stored (the API sends it without parsing it). */
  getClusterJson(ref: ClusterRef): Promise<string | undefined>;
  /** Every cluster of one management cluster, as the JSON text stored (for the reader to parse). */
  listClusterDetailJson(managementId: string): Promise<string[]>;
  listInventory(): Promise<ClusterInventoryItem[]>;
  listSources(): Promise<SourceStatus[]>;
  /**
   * Replaces everything known about one management cluster (clusters gone from it disappear).
   * Resolves to the ids of the clusters whose stored detail changed: added, removed, or
   * different from what was stored, read times aside (an idle fleet changes none).
   */
  saveManagementSnapshot(
    managementId: string,
    clusters: ClusterDetail[],
    source: SourceStatus,
  ): Promise<string[]>;
  /**
   * Saves only the given clusters and removes `removed` (a watch's changes); the rest of the
   * management cluster's clusters stay as stored. Resolves to the ids whose detail changed.
   */
  saveClusterChanges(
    managementId: string,
    clusters: ClusterDetail[],
    removed: string[],
    source: SourceStatus,
  ): Promise<string[]>;
  saveSourceStatus(source: SourceStatus): Promise<void>;
  /** Recorded changes, newest first. */
  listHistory(query: HistoryQuery): Promise<HistoryEntry[]>;
  /** Drops history older than `before`, keeping what "state at T" needs for later times. */
  pruneHistory(before: string): Promise<number>;
}
