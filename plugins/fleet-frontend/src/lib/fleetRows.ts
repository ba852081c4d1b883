import {
  ClusterHealthState,
  ClusterSummary,
  servicesGlance,
} from '@fleet-portal/plugin-fleet-common';
import { shortDigest } from './digest';
import { DriftTypeCount, countDriftByType } from './drift';
import { clusterEntityPath } from './entity';
import { gitopsGlance, GitopsTone } from './gitops';

/** A cluster flattened for the fleet table: plain fields to sort and search on. */
export interface FleetRow {
  id: string;
  name: string;
  entityPath: string;
  demo: boolean;
  management: string;
  namespace: string;
  health: ClusterHealthState;
  healthReason: string;
  k0sDesired: string;
  k0sRunning: string;
  images: string;
  dnsSynced: number;
  dnsTotal: number;
  dnsUnsynced: number;
  driftCount: number;
  driftTypes: DriftTypeCount[];
  /** Drift labels as one text, for the table's search. */
  driftText: string;
  lastRead: string;
  stale: boolean;
  readFailures: string;
  /** `2 / 3 deployed, 1 failed`; empty when the backend reports no services. */
  services: string;
  /** Services failed or provisioning, to sort the worst first. */
  servicesNotDeployed: number;
  /** Git/Flux at a glance: applied revision, Git ahead by N, Flux failing. */
  gitopsTone: GitopsTone | 'none';
  gitops: string;
}

export function toFleetRow(cluster: ClusterSummary): FleetRow {
  const driftTypes = countDriftByType(cluster.drift);
  const dnsTotal = cluster.dns?.total ?? 0;
  const dnsSynced = cluster.dns?.synced ?? 0;
  const glance = gitopsGlance(cluster);
  return {
    id: cluster.id,
    name: cluster.ref.name,
    entityPath: clusterEntityPath(cluster),
    demo: cluster.demo === true,
    management: cluster.ref.management,
    namespace: cluster.ref.namespace,
    health: cluster.health?.state ?? 'unknown',
    healthReason: [cluster.health?.reason, cluster.health?.message]
      .filter(Boolean)
      .join(': '),
    k0sDesired: cluster.k0s?.desired ?? '',
    k0sRunning: (cluster.k0s?.running ?? []).join(', '),
    images: [
      ...new Set(
        (cluster.images ?? []).map(image => shortDigest(image.digest)),
      ),
    ].join(', '),
    dnsSynced,
    dnsTotal,
    dnsUnsynced: Math.max(0, dnsTotal - dnsSynced),
    driftCount: (cluster.drift ?? []).length,
    driftTypes,
    driftText: driftTypes.map(type => type.label).join(', '),
    lastRead: cluster.read?.lastSuccessAt ?? '',
    stale: cluster.read?.stale === true,
    readFailures: (cluster.read?.failures ?? [])
      .map(failure => `${failure.during}: ${failure.reason}`)
      .join('; '),
    ...servicesGlance(cluster),
    gitopsTone: glance.tone,
    gitops: glance.text,
  };
}
