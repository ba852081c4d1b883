import { createPermission } from '@backstage/plugin-permission-common';

/** Reading fleet state: clusters, nodes, images, versions, DNS records and their history. */
export const fleetClusterReadPermission = createPermission({
  name: 'fleet.cluster.read',
  attributes: { action: 'read' },
});

/** Merging a request's branch into the default branch of the local GitOps repository. */
export const fleetGitopsMergePermission = createPermission({
  name: 'fleet.gitops.merge',
  attributes: { action: 'update' },
});

export const fleetPermissions = [
  fleetClusterReadPermission,
  fleetGitopsMergePermission,
];
