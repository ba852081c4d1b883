import { createPermission } from '@backstage/plugin-permission-common';

/** Reading fleet state: clusters, nodes, images, versions, DNS records and their history. */
export const fleetClusterReadPermission = createPermission({
  name: 'fleet.cluster.read',
  attributes: { action: 'read' },
});

export const fleetPermissions = [fleetClusterReadPermission];
