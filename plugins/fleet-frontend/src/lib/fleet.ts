import {
  ClusterSummary,
  clusterMatchesFilters,
  FleetFilters,
  FleetFilterValues,
} from '@fleet-portal/plugin-fleet-common';
import { shortDigest } from './digest';

// The filters and the summary are shared with the server, which applies them to the fleet list.
export {
  clusterMatchesFilters,
  NO_FLEET_FILTERS,
  summarizeFleet,
  type FleetFilters,
  type FleetSummaryCounts,
} from '@fleet-portal/plugin-fleet-common';

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

/** What the k0s version and image filters offer, from the values the server found in the fleet. */
export function fleetFilterOptions(
  values: FleetFilterValues,
): FleetFilterOptions {
  return {
    k0sVersions: values.k0sVersions,
    imageDigests: values.imageDigests.map(digest => ({
      digest,
      label: shortDigest(digest),
    })),
  };
}
