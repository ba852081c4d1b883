import type { ServiceCounts } from '../services';
import type { ClusterHealthState, ClusterSummary } from '../types';

export const CLUSTER_HEALTH_STATES: readonly ClusterHealthState[] = [
  'ready',
  'not-ready',
  'progressing',
  'unknown',
];

/** What the fleet page's services filter keeps. */
export const SERVICES_FILTERS = [
  'failed',
  'provisioning',
  'not-deployed',
] as const;
export type ServicesFilter = (typeof SERVICES_FILTERS)[number];

/** The fleet page's filters; the server applies the same ones to `GET /clusters`. */
export interface FleetFilters {
  driftOnly: boolean;
  /** `all` or one health state. */
  health: ClusterHealthState | 'all';
  /** `all` or a k0s version a cluster desires or runs. */
  k0sVersion: string;
  /** `all` or an image digest some node runs. */
  imageDigest: string;
  /** `all`, or clusters with a service k0rdent reports failed and/or provisioning. */
  services: ServicesFilter | 'all';
}

export const NO_FLEET_FILTERS: FleetFilters = {
  driftOnly: false,
  health: 'all',
  k0sVersion: 'all',
  imageDigest: 'all',
  services: 'all',
};

/** Whether a cluster's service counts match the filter; a cluster without counts matches none. */
export function matchesServicesFilter(
  counts: ServiceCounts | undefined,
  filter: ServicesFilter,
): boolean {
  if (!counts) return false;
  const failed = counts.byState.Failed ?? 0;
  const provisioning = counts.byState.Provisioning ?? 0;
  switch (filter) {
    case 'failed':
      return failed > 0;
    case 'provisioning':
      return provisioning > 0;
    case 'not-deployed':
      return failed + provisioning > 0;
    default:
      return false;
  }
}

function k0sVersionsOf(cluster: ClusterSummary): string[] {
  const k0s = cluster.k0s;
  return [k0s?.desired, k0s?.exactBuild, ...(k0s?.running ?? [])].filter(
    (v): v is string => !!v,
  );
}

export function clusterMatchesFilters(
  cluster: ClusterSummary,
  filters: FleetFilters,
): boolean {
  if (filters.driftOnly && (cluster.drift ?? []).length === 0) return false;
  if (
    filters.health !== 'all' &&
    (cluster.health?.state ?? 'unknown') !== filters.health
  ) {
    return false;
  }
  if (
    filters.k0sVersion !== 'all' &&
    !k0sVersionsOf(cluster).includes(filters.k0sVersion)
  ) {
    return false;
  }
  if (
    filters.imageDigest !== 'all' &&
    !(cluster.images ?? []).some(image => image.digest === filters.imageDigest)
  ) {
    return false;
  }
  if (
    filters.services !== 'all' &&
    !matchesServicesFilter(cluster.serviceCounts, filters.services)
  ) {
    return false;
  }
  return true;
}

/** The values the k0s version and image filters offer: those present in the fleet. */
export interface FleetFilterValues {
  k0sVersions: string[];
  imageDigests: string[];
}

export function fleetFilterValues(
  clusters: ClusterSummary[],
): FleetFilterValues {
  const versions = new Set<string>();
  const digests = new Set<string>();
  for (const cluster of clusters) {
    k0sVersionsOf(cluster).forEach(version => versions.add(version));
    (cluster.images ?? []).forEach(image => digests.add(image.digest));
  }
  return {
    k0sVersions: [...versions].sort(),
    imageDigests: [...digests].sort(),
  };
}

/** The fleet page's summary strip: always over the whole (readable) fleet, never one page. */
export interface FleetSummaryCounts {
  clusters: number;
  nodes: number;
  drifted: number;
  unsyncedRecords: number;
  stale: number;
}

export function summarizeFleet(clusters: ClusterSummary[]): FleetSummaryCounts {
  let nodes = 0;
  let drifted = 0;
  let unsyncedRecords = 0;
  let stale = 0;
  for (const cluster of clusters) {
    nodes += cluster.nodes?.total ?? 0;
    if ((cluster.drift ?? []).length > 0) drifted++;
    unsyncedRecords += Math.max(
      0,
      (cluster.dns?.total ?? 0) - (cluster.dns?.synced ?? 0),
    );
    if (cluster.read?.stale) stale++;
  }
  return { clusters: clusters.length, nodes, drifted, unsyncedRecords, stale };
}
