import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  ClusterDetail,
  ClusterRef,
  GitopsRequestItem,
} from '@fleet-portal/plugin-fleet-common';
import type { FleetStore } from '../service/FleetStore';
import {
  type ClusterReadScope,
  permitsCluster,
  permittedClusters,
} from './ClusterReadAccess';

/*
 * What one caller's `fleet.cluster.read` scope lets them read, for the routes and the actions
 * alike: the scope comes from `ClusterReadAccess.scopeFor` (one policy decision per call).
 */

/** How a cluster the caller may not read answers: as one that does not exist, as the catalog does. */
export const notInFleet = (ref: ClusterRef) =>
  new NotFoundError(
    `cluster ${ref.management}/${ref.namespace}/${ref.name} is not in the fleet`,
  );

/** Throws `notInFleet` unless the scope covers the cluster; reads the store only under conditions. */
export async function assertClusterReadable(
  scope: ClusterReadScope,
  store: Pick<FleetStore, 'getCluster'>,
  ref: ClusterRef,
): Promise<void> {
  if (scope.all) return;
  const cluster = await store.getCluster(ref);
  if (!cluster || !permitsCluster(scope, cluster)) throw notInFleet(ref);
}

/** The cluster's detail when it is in the fleet and the scope covers it; `notInFleet` otherwise. */
export async function readableCluster(
  scope: ClusterReadScope,
  store: Pick<FleetStore, 'getCluster'>,
  ref: ClusterRef,
): Promise<ClusterDetail> {
  const cluster = await store.getCluster(ref);
  if (!cluster || !permitsCluster(scope, cluster)) throw notInFleet(ref);
  return cluster;
}

/** The signed-in user's entity ref; undefined for services and anonymous callers. */
export function userEntityRefOf(
  credentials: BackstageCredentials,
): string | undefined {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
  };
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

/**
 * Under conditions, a request is readable when the fleet holds its cluster and the caller may read
 * it, or when the caller filed it: a request about a cluster not read yet (a new cluster) or
 * about no cluster tells nothing the caller may not know.
 */
export async function readableRequests(
  scope: ClusterReadScope,
  fleet: Pick<FleetStore, 'listClusters'>,
  items: GitopsRequestItem[],
  userEntityRef: string | undefined,
): Promise<GitopsRequestItem[]> {
  if (scope.all) return items;
  const readable = new Set(
    permittedClusters(scope, await fleet.listClusters()).map(c => c.id),
  );
  return items.filter(
    item =>
      (item.clusterId !== undefined && readable.has(item.clusterId)) ||
      (userEntityRef !== undefined && item.requestedBy === userEntityRef),
  );
}
