import type {
  ClusterDetail,
  DnsOwnershipRule,
  ReadFailure,
  SourceStatus,
} from '@fleet-portal/plugin-fleet-common';

/** How the fleet is read, whichever thread reads it. */
export interface ReadSettings {
  /** How long one cluster may take before it is reported as timed out. */
  clusterTimeoutMs: number;
  /** How many clusters are read at once. */
  concurrency: number;
  /** Items per list request (default 250). */
  pageSize?: number;
  /**
   * The local GitOps repository (local publishing mode): live objects are compared with their
   * manifests at the revision Flux applied.
   */
  gitopsRepository?: string;
  /** Which DNS records belong to which cluster, in order (default: Fleet Portal's label). */
  dnsOwnership?: DnsOwnershipRule[];
}

/** What one read of a management cluster (with the DNS clusters) found. */
export interface ManagementRead {
  /** Every cluster; when the management cluster could not be read, the previous ones marked stale. */
  details: ClusterDetail[];
  source: SourceStatus;
  /** The DNS clusters read along the way. */
  dnsSources: SourceStatus[];
  /** Why the management cluster itself could not be read. */
  failure?: ReadFailure;
  /** What went wrong per cluster, for the log (never a credential). */
  warnings: string[];
}

/**
 * Reads the fleet: in this thread (FleetReader) or in a worker thread (WorkerFleetReader), so
 * that the refresh's CPU does not hold up the API.
 */
export interface FleetReading {
  /**
   * @param previousJson what the store holds for this management cluster, one JSON text per
   *   cluster: failures keep that data, marked stale. Passed as text so a worker parses it.
   */
  readManagement(
    managementId: string,
    previousJson: string[],
  ): Promise<ManagementRead>;
  close(): void | Promise<void>;
}
