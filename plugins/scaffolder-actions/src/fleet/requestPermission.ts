import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  clusterId,
  fleetClusterRequestPermission,
} from '@fleet-portal/plugin-fleet-common';
import {
  managementOf,
  whyFleetFailed,
  type FleetHttpAccess,
} from './fleetHttp';

/** What an action asks to know whether the initiator may file a request about a cluster. */
export interface ClusterRequestAccess {
  /** The permission framework, asked with the initiator's credentials. */
  permissions: Pick<PermissionsService, 'authorize'>;
  /** The fleet backend: the management cluster, when the input names none. */
  fleet?: FleetHttpAccess;
}

/** A cluster a request is about; the fleet's only management cluster when none is named. */
export interface RequestedCluster {
  management?: string;
  namespace: string;
  name: string;
}

const PERMISSION = fleetClusterRequestPermission.name;

/**
 * Checks, as the initiator, `fleet.cluster.request` on each cluster (resource ref: the cluster
 * id `<management>/<namespace>/<name>`), before anything is planned or written. Throws a
 * NotAllowedError naming the permission and the cluster when the policy does not allow it, and an
 * InputError when the cluster's id cannot be told. Without `access` no check is made: the
 * scaffolder module always passes it. Returns the ids checked.
 */
export async function authorizeClusterRequests(
  access: ClusterRequestAccess | undefined,
  credentials: () => Promise<BackstageCredentials>,
  clusters: RequestedCluster[],
): Promise<string[]> {
  if (!access || clusters.length === 0) return [];
  const onBehalfOf = await credentials();
  const ids: string[] = [];
  for (const cluster of clusters) {
    const management = await managementFor(access, onBehalfOf, cluster);
    ids.push(clusterId({ ...cluster, management }));
  }
  const decisions = await access.permissions.authorize(
    ids.map(resourceRef => ({
      permission: fleetClusterRequestPermission,
      resourceRef,
    })),
    { credentials: onBehalfOf },
  );
  const refused = ids.filter(
    (_, i) => decisions[i]?.result !== AuthorizeResult.ALLOW,
  );
  if (refused.length > 0) {
    throw new NotAllowedError(
      `permission ${PERMISSION} is required to change cluster ${refused.join(
        ', ',
      )}; nothing was written`,
    );
  }
  return ids;
}

async function managementFor(
  access: ClusterRequestAccess,
  credentials: BackstageCredentials,
  cluster: RequestedCluster,
): Promise<string> {
  if (cluster.management) return cluster.management;
  const refuse = (why: string) =>
    new InputError(
      `cannot check permission ${PERMISSION} on cluster ${cluster.namespace}/${cluster.name}: ${why}`,
    );
  if (!access.fleet)
    throw refuse(
      'no management cluster named and the action was created without access to the fleet backend',
    );
  try {
    return await managementOf(access.fleet, credentials, cluster);
  } catch (error) {
    throw refuse(whyFleetFailed(error));
  }
}
