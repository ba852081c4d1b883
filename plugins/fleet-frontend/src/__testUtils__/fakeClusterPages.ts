import {
  ClusterListResponse,
  ClusterPageResponse,
  FleetListQuery,
  indexFleet,
  queryFleet,
} from '@fleet-portal/plugin-fleet-common';

/**
 * `listClusterPage` answering from a fixed list as the backend does (the same shared function
 * filters, searches, sorts and pages), so page tests see what the server would send.
 */
export function clusterPagesOf(
  list: ClusterListResponse,
): (query: FleetListQuery) => Promise<ClusterPageResponse> {
  const index = indexFleet(list.items);
  return async query => ({
    ...queryFleet(index, query),
    sources: list.sources,
  });
}
