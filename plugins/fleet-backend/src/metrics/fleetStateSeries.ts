import type { ClusterSummary } from '@fleet-portal/plugin-fleet-common';

/** One value of a gauge and the attributes it is reported under. */
export interface Series {
  attributes: Record<string, string>;
  value: number;
}

/**
 * `current`: read without failure; `partial`: read, but part of it failed (e.g. objects
 * lacking fields, the DNS cluster down), so what is shown is current but incomplete;
 * `stale`: the last read failed and what is shown is from an earlier success (or nothing).
 */
export type ClusterReadState = 'current' | 'partial' | 'stale';

export const CLUSTER_READ_STATES: readonly ClusterReadState[] = [
  'current',
  'partial',
  'stale',
];

export function clusterReadState(cluster: ClusterSummary): ClusterReadState {
  if (cluster.read.stale) return 'stale';
  return cluster.read.failures.length > 0 ? 'partial' : 'current';
}

/** The same key for the same attributes, whatever their order. */
export function seriesKey(attributes: Record<string, string>): string {
  return JSON.stringify(Object.entries(attributes).sort());
}

/** The series with these attributes in `into`, added at 0 when it is not there yet. */
function seriesOf(
  into: Map<string, Series>,
  attributes: Record<string, string>,
): Series {
  const key = seriesKey(attributes);
  let series = into.get(key);
  if (!series) {
    series = { attributes, value: 0 };
    into.set(key, series);
  }
  return series;
}

/**
 * Clusters by management cluster and read state. Every state of every management cluster with a
 * cluster is reported, 0 included, so a state that empties shows 0 rather than no value.
 */
export function clustersByReadState(clusters: ClusterSummary[]): Series[] {
  const out = new Map<string, Series>();
  for (const management of new Set(clusters.map(c => c.ref.management))) {
    for (const state of CLUSTER_READ_STATES) {
      seriesOf(out, {
        'fleet.management': management,
        'fleet.read.state': state,
      });
    }
  }
  for (const c of clusters) {
    seriesOf(out, {
      'fleet.management': c.ref.management,
      'fleet.read.state': clusterReadState(c),
    }).value += 1;
  }
  return [...out.values()];
}

/** Clusters whose last read failed with each reason; one with two reasons counts under both. */
export function failingClustersByReason(clusters: ClusterSummary[]): Series[] {
  const out = new Map<string, Series>();
  for (const c of clusters) {
    for (const reason of new Set(c.read.failures.map(f => f.reason))) {
      seriesOf(out, {
        'fleet.management': c.ref.management,
        'fleet.read.reason': reason,
      }).value += 1;
    }
  }
  return [...out.values()];
}

/**
 * What is watched, without the cluster it belongs to: `nodes of cluster mgmt/team-a/prod-1`
 * is `nodes`. Keeps the attribute to a handful of values however large the fleet.
 */
export function watchedResourceKind(resource: string): string {
  const of = resource.indexOf(' of ');
  return of > 0 ? resource.slice(0, of) : 'other';
}

/** The resources each cluster's watches hold, by kind, phase and (when polling or failed) why. */
export function watchedResourcesByPhase(clusters: ClusterSummary[]): Series[] {
  const out = new Map<string, Series>();
  for (const c of clusters) {
    for (const w of c.read.watch ?? []) {
      seriesOf(out, {
        'fleet.management': c.ref.management,
        'fleet.watch.resource': watchedResourceKind(w.resource),
        'fleet.watch.phase': w.phase,
        ...(w.reason ? { 'fleet.watch.reason': w.reason } : {}),
      }).value += 1;
    }
  }
  return [...out.values()];
}
