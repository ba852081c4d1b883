import type {
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  fleetClusterPermissions,
  fleetGitopsMergePermission,
} from '@fleet-portal/plugin-fleet-common';
import type { FleetStore } from '../service/FleetStore';
import { ClusterReadAccess } from './ClusterReadAccess';
import { fleetClusterResourceRef } from './clusterResource';
import { fleetClusterPermissionRules } from './clusterRules';

/**
 * Registers the `fleet-cluster` resource type with its permissions and rules, and answers what
 * `fleet.cluster.read` covers per caller with every rule registered (modules may add more).
 */
export function registerClusterPermissions(options: {
  permissionsRegistry: PermissionsRegistryService;
  permissions: PermissionsService;
  store: Pick<FleetStore, 'listClusters'>;
}): ClusterReadAccess {
  const { permissionsRegistry, permissions, store } = options;
  permissionsRegistry.addResourceType({
    resourceRef: fleetClusterResourceRef,
    permissions: fleetClusterPermissions,
    rules: Object.values(fleetClusterPermissionRules),
    // For the permission backend, when a plugin asks about named clusters (resource refs: ids).
    async getResources(ids) {
      const byId = new Map((await store.listClusters()).map(c => [c.id, c]));
      return ids.map(id => byId.get(id));
    },
  });
  permissionsRegistry.addPermissions([fleetGitopsMergePermission]);
  return new ClusterReadAccess(
    permissions,
    permissionsRegistry.getPermissionRuleset(fleetClusterResourceRef),
  );
}
