import type { ClusterSummary } from '../types';
import {
  countDriftByType,
  gitopsGlance,
  servicesGlance,
  shortDigest,
} from './glance';

/** The fleet table's columns the list can be sorted by (`GET /clusters?sort=`). */
export const FLEET_SORT_COLUMNS = [
  'name',
  'management',
  'health',
  'k0s',
  'images',
  'dns',
  'services',
  'gitops',
  'drift',
  'lastRead',
] as const;
export type FleetSortColumn = (typeof FLEET_SORT_COLUMNS)[number];

/** A cluster's sort values and searchable texts, computed once per fleet version. */
export interface FleetListKeys {
  sort: Record<FleetSortColumn, string | number>;
  /** The texts of the table's searchable columns, lowercased. */
  search: string[];
}

function imagesText(cluster: ClusterSummary): string {
  return [
    ...new Set((cluster.images ?? []).map(image => shortDigest(image.digest))),
  ].join(', ');
}

/**
 * What the table shows in each column, as it sorts and searches on it: the name, management
 * cluster, health state, desired k0s, image digests, services, Git/Flux and drift labels are
 * searched; DNS and the last read are not (as in the browser's table).
 */
export function fleetListKeys(cluster: ClusterSummary): FleetListKeys {
  const images = imagesText(cluster);
  const gitops = gitopsGlance(cluster).text;
  const services = servicesGlance(cluster);
  const dnsTotal = cluster.dns?.total ?? 0;
  const dnsSynced = cluster.dns?.synced ?? 0;
  const health = cluster.health?.state ?? 'unknown';
  const k0s = cluster.k0s?.desired ?? '';
  const drift = countDriftByType(cluster.drift)
    .map(type => type.label)
    .join(', ');
  return {
    sort: {
      name: cluster.ref.name,
      management: cluster.ref.management,
      health,
      k0s,
      images,
      dns: Math.max(0, dnsTotal - dnsSynced),
      services: services.servicesNotDeployed,
      gitops,
      drift: (cluster.drift ?? []).length,
      lastRead: cluster.read?.lastSuccessAt ?? '',
    },
    search: [
      cluster.ref.name,
      cluster.ref.management,
      health,
      k0s,
      images,
      services.services,
      gitops,
      drift,
    ]
      .filter(Boolean)
      .map(text => text.toLocaleLowerCase('en-US')),
  };
}

/** As the table compares: numbers by value, texts by code unit with empty ones first. */
export function compareSortValues(
  a: string | number,
  b: string | number,
): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a !== b) {
    if (!a) return -1;
    if (!b) return 1;
  }
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
