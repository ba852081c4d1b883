import {
  ClusterHealthState,
  ClusterSummary,
} from '@internal/plugin-fleet-common';
import { shortDigest } from './digest';
import { matchesServicesFilter, ServicesFilter } from './services';

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

export function filterClusters(
  clusters: ClusterSummary[],
  filters: FleetFilters,
): ClusterSummary[] {
  return clusters.filter(cluster => clusterMatchesFilters(cluster, filters));
}

export interface FleetFilterOptions {
  k0sVersions: string[];
  imageDigests: Array<{ digest: string; label: string }>;
}

/** Values the k0s version and image filters offer: those present in the fleet. */
export function fleetFilterOptions(
  clusters: ClusterSummary[],
): FleetFilterOptions {
  const versions = new Set<string>();
  const digests = new Set<string>();
  for (const cluster of clusters) {
    k0sVersionsOf(cluster).forEach(version => versions.add(version));
    (cluster.images ?? []).forEach(image => digests.add(image.digest));
  }
  return {
    k0sVersions: [...versions].sort(),
    imageDigests: [...digests]
      .sort()
      .map(digest => ({ digest, label: shortDigest(digest) })),
  };
}

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
