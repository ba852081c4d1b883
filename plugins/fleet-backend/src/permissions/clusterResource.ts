import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
  createPermissionResourceRef,
} from '@backstage/plugin-permission-node';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  FLEET_CLUSTER_RESOURCE_TYPE,
  type ClusterSummary,
} from '@fleet-portal/plugin-fleet-common';

/** What the rules read of a cluster; summaries, details and inventory items all have it. */
export type FleetClusterResource = Pick<
  ClusterSummary,
  'ref' | 'owner' | 'labels' | 'demo'
>;

/**
 * One condition as a filter over the clusters the store lists. No key may be `allOf`, `anyOf`
 * or `not`: criteria are told apart by those.
 */
export type FleetClusterFilter =
  | { kind: 'owner'; owners: string[] }
  | { kind: 'label'; key: string; value?: string }
  | { kind: 'management'; id: string }
  | { kind: 'demo'; value: boolean };

export const fleetClusterResourceRef = createPermissionResourceRef<
  FleetClusterResource,
  FleetClusterFilter
>().with({ pluginId: 'fleet', resourceType: FLEET_CLUSTER_RESOURCE_TYPE });

/**
 * An owner as the catalog spells it (`group:default/trading`), so that a bare `trading` in an
 * annotation and a claim from the user's identity compare equal, whatever their case.
 */
export function normalizeOwnerRef(ref: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'group',
        defaultNamespace: DEFAULT_NAMESPACE,
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return ref.toLocaleLowerCase('en-US');
  }
}

function matchesOne(
  cluster: FleetClusterResource,
  filter: FleetClusterFilter,
): boolean {
  switch (filter.kind) {
    case 'owner': {
      if (!cluster.owner) return false;
      const owner = normalizeOwnerRef(cluster.owner);
      return filter.owners.some(claim => normalizeOwnerRef(claim) === owner);
    }
    case 'label':
      return filter.value === undefined
        ? Object.hasOwn(cluster.labels, filter.key)
        : cluster.labels[filter.key] === filter.value;
    case 'management':
      return cluster.ref.management === filter.id;
    case 'demo':
      return cluster.demo === filter.value;
    default:
      return false;
  }
}

/** Whether a cluster passes the filter the policy's conditions were turned into. */
export function matchesClusterFilter(
  cluster: FleetClusterResource,
  criteria: PermissionCriteria<FleetClusterFilter>,
): boolean {
  if (isAndCriteria(criteria))
    return criteria.allOf.every(c => matchesClusterFilter(cluster, c));
  if (isOrCriteria(criteria))
    return criteria.anyOf.some(c => matchesClusterFilter(cluster, c));
  if (isNotCriteria(criteria))
    return !matchesClusterFilter(cluster, criteria.not);
  return matchesOne(cluster, criteria);
}
