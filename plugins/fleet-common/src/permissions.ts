import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of one fleet cluster: a policy answers for it with conditions on the
 * cluster's owner, labels, management cluster and demo flag (the fleet backend's rules).
 * A resource ref of this type is a cluster id, `<management>/<namespace>/<name>`.
 */
export const FLEET_CLUSTER_RESOURCE_TYPE = 'fleet-cluster';

/** Reading fleet clusters: their state, nodes, images, versions, DNS records, history and requests. */
export const fleetClusterReadPermission = createPermission({
  name: 'fleet.cluster.read',
  attributes: { action: 'read' },
  resourceType: FLEET_CLUSTER_RESOURCE_TYPE,
});

/** Filing a template request (a change through GitOps) about a fleet cluster. */
export const fleetClusterRequestPermission = createPermission({
  name: 'fleet.cluster.request',
  attributes: { action: 'update' },
  resourceType: FLEET_CLUSTER_RESOURCE_TYPE,
});

/** Merging a request's branch into the default branch of the local GitOps repository. */
export const fleetGitopsMergePermission = createPermission({
  name: 'fleet.gitops.merge',
  attributes: { action: 'update' },
});

/** The permissions on a fleet cluster, registered with its resource type. */
export const fleetClusterPermissions = [
  fleetClusterReadPermission,
  fleetClusterRequestPermission,
];

export const fleetPermissions = [
  ...fleetClusterPermissions,
  fleetGitopsMergePermission,
];
