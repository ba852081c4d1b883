import type {
  ClusterHealthState,
  ClusterListResponse,
  ClusterSummary,
} from '../types';
import {
  compareSortValues,
  fleetListKeys,
  type FleetListKeys,
  type FleetSortColumn,
} from './columns';
import {
  clusterMatchesFilters,
  fleetFilterValues,
  NO_FLEET_FILTERS,
  summarizeFleet,
  type FleetFilters,
  type FleetFilterValues,
  type FleetSummaryCounts,
  type ServicesFilter,
} from './filters';

/** Most clusters one `GET /clusters` page holds. */
export const FLEET_LIST_MAX_LIMIT = 500;

/**
 * `GET /clusters` query parameters; the filters are named as in the fleet page's URL. Without
 * any of them the route answers the whole list as a plain ClusterListResponse.
 */
export interface FleetListQuery {
  /** Text searched in the table's searchable columns, case-insensitively. */
  q?: string;
  /** Only clusters with some drift. */
  drift?: boolean;
  health?: ClusterHealthState;
  /** A k0s version the cluster desires, is built at or runs. */
  k0s?: string;
  /** An image digest some node runs. */
  image?: string;
  services?: ServicesFilter;
  sort?: FleetSortColumn;
  order?: 'asc' | 'desc';
  /** 1..FLEET_LIST_MAX_LIMIT; all matching clusters when absent. */
  limit?: number;
  offset?: number;
}

/** A page of the fleet list, with what the fleet page shows around it. */
export interface ClusterPageResponse extends ClusterListResponse {
  /** Clusters that match the filters and search, of those the caller may read. */
  total: number;
  offset: number;
  limit?: number;
  /** Over every cluster the caller may read, whatever the filters: the summary strip. */
  counts: FleetSummaryCounts;
  /** The k0s versions and image digests the filters offer, over the same clusters. */
  filterValues: FleetFilterValues;
}

export function toFleetFilters(query: FleetListQuery): FleetFilters {
  return {
    driftOnly: query.drift === true,
    health: query.health ?? NO_FLEET_FILTERS.health,
    k0sVersion: query.k0s ?? NO_FLEET_FILTERS.k0sVersion,
    imageDigest: query.image ?? NO_FLEET_FILTERS.imageDigest,
    services: query.services ?? NO_FLEET_FILTERS.services,
  };
}

/** The query for the page's filters; filters at `all` are left out. */
export function fleetListQueryOf(filters: FleetFilters): FleetListQuery {
  const query: FleetListQuery = {};
  if (filters.driftOnly) query.drift = true;
  if (filters.health !== 'all') query.health = filters.health;
  if (filters.k0sVersion !== 'all') query.k0s = filters.k0sVersion;
  if (filters.imageDigest !== 'all') query.image = filters.imageDigest;
  if (filters.services !== 'all') query.services = filters.services;
  return query;
}

/** The clusters one caller may read, ready to be filtered, sorted and paged many times. */
export interface FleetListIndex {
  entries: Array<{ cluster: ClusterSummary; keys: FleetListKeys }>;
  counts: FleetSummaryCounts;
  filterValues: FleetFilterValues;
}

export function indexFleet(clusters: ClusterSummary[]): FleetListIndex {
  return {
    entries: clusters.map(cluster => ({
      cluster,
      keys: fleetListKeys(cluster),
    })),
    counts: summarizeFleet(clusters),
    filterValues: fleetFilterValues(clusters),
  };
}

/**
 * Filters, searches, sorts and pages the fleet list: filters first, then the search, then the
 * sort (ties by id, so pages never overlap), then the page. Counts are over the whole index.
 */
export function queryFleet(
  index: FleetListIndex,
  query: FleetListQuery,
): Omit<ClusterPageResponse, 'sources'> {
  const filters = toFleetFilters(query);
  const term = query.q?.trim().toLocaleLowerCase('en-US');
  let matching = index.entries.filter(
    ({ cluster, keys }) =>
      clusterMatchesFilters(cluster, filters) &&
      (!term || keys.search.some(text => text.includes(term))),
  );
  if (query.sort || query.order === 'desc') {
    const column = query.sort;
    const sign = query.order === 'desc' ? -1 : 1;
    matching = [...matching].sort(
      (a, b) =>
        sign *
        ((column
          ? compareSortValues(a.keys.sort[column], b.keys.sort[column])
          : 0) || compareSortValues(a.cluster.id, b.cluster.id)),
    );
  }
  const offset = query.offset ?? 0;
  const end = query.limit === undefined ? undefined : offset + query.limit;
  return {
    items: matching.slice(offset, end).map(entry => entry.cluster),
    total: matching.length,
    offset,
    ...(query.limit === undefined ? {} : { limit: query.limit }),
    counts: index.counts,
    filterValues: index.filterValues,
  };
}
