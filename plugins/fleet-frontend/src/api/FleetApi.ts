import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ClusterDetail,
  ClusterInventoryResponse,
  ClusterListResponse,
  ClusterPageResponse,
  FleetListQuery,
  ClusterRef,
  ClusterStateAt,
  GitopsRequestListResponse,
  HistoryKind,
  HistoryResponse,
  MergeRequestResponse,
  ClusterTemplateListResponse,
  CredentialListResponse,
  ManagementClusterListResponse,
  NamespaceListResponse,
} from '@fleet-portal/plugin-fleet-common';

/** Narrows a cluster's history; every field is optional. Times are ISO 8601. */
export interface HistoryQuery {
  from?: string;
  to?: string;
  node?: string;
  kinds?: HistoryKind[];
  limit?: number;
}

/** Narrows the templates' requests. */
export interface RequestsQuery {
  /** Only requests about this cluster (by name). */
  cluster?: string;
  /** `open`: not merged yet (the default); `active`: not reconciled yet; `all`: every one. */
  state?: RequestListState;
  /** Only the signed-in user's requests. */
  mine?: boolean;
}

export type RequestListState = 'open' | 'active' | 'all';

/**
 * Reads the fleet from the fleet backend plugin. Every method rejects with a `ResponseError`
 * on failure (403 when `fleet.cluster.read` is denied).
 */
export interface FleetApi {
  /** Every cluster the caller may read: for pickers, which need the whole fleet. */
  listClusters(): Promise<ClusterListResponse>;
  /**
   * One page of the fleet list, filtered, searched and sorted on the server, with the match
   * total and the fleet-wide counts: what the fleet page shows.
   */
  listClusterPage(query: FleetListQuery): Promise<ClusterPageResponse>;
  /** What hangs off each cluster: its VMs (with their VMImage names) and DNS zones. */
  listInventory(): Promise<ClusterInventoryResponse>;
  /** Rejects with 404 for a cluster not in the fleet. */
  getCluster(ref: ClusterRef): Promise<ClusterDetail>;
  /** The cluster's recorded changes, newest first. */
  getHistory(ref: ClusterRef, query?: HistoryQuery): Promise<HistoryResponse>;
  /** The cluster as it was at `at`; rejects with 404 when nothing was recorded by then. */
  getStateAt(ref: ClusterRef, at: string): Promise<ClusterStateAt>;
  /** The templates' requests with their journeys, newest first (pull requests in GitHub mode). */
  listRequests(query?: RequestsQuery): Promise<GitopsRequestListResponse>;
  /**
   * Merges a request's branch into the default branch as the signed-in user. Rejects with 403
   * without `fleet.gitops.merge`, 409 when it conflicts, is already merged or merging happens
   * on GitHub, 404 for an unknown branch.
   */
  mergeRequest(branch: string): Promise<MergeRequestResponse>;
  /** The management clusters the backend is configured with. */
  listManagementClusters(): Promise<ManagementClusterListResponse>;
  /** The namespaces of a management cluster that hold ClusterTemplates, read live. */
  listNamespaces(management: string): Promise<NamespaceListResponse>;
  /**
   * The ClusterTemplates of a management namespace, read live. Rejects with 503 when the
   * management cluster cannot be read, 404 for one not configured.
   */
  listClusterTemplates(
    management: string,
    namespace: string,
  ): Promise<ClusterTemplateListResponse>;
  /** The Credentials of a management namespace, read live (never their secrets). */
  listCredentials(
    management: string,
    namespace: string,
  ): Promise<CredentialListResponse>;
}

export const fleetApiRef = createApiRef<FleetApi>().with({
  id: 'plugin.fleet.api',
  pluginId: 'fleet',
});
