import { InputError, NotFoundError } from '@backstage/errors';
import type {
  ClusterDetail,
  ClusterRef,
} from '@fleet-portal/plugin-fleet-common';
import {
  type ClusterReadScope,
  permittedClusters,
} from '../permissions/ClusterReadAccess';
import { readableCluster } from '../permissions/readableFleet';
import type { FleetStore } from '../service/FleetStore';

export interface ClusterLocator {
  id?: string;
  name?: string;
  namespace?: string;
  management?: string;
}

/** `<management>/<namespace>/<name>` as a ref; an InputError for anything else. */
export function parseClusterId(id: string): ClusterRef {
  const parts = id.trim().split('/');
  if (parts.length !== 3 || parts.some(p => p === '')) {
    throw new InputError(
      `id: ${JSON.stringify(
        id,
      )} is not a cluster id <management>/<namespace>/<name>; give a name to look the cluster up`,
    );
  }
  const [management, namespace, name] = parts;
  return { management, namespace, name };
}

/**
 * The ref a locator names, among the clusters the scope covers: an id or a full ref is taken as
 * it is (checked when read); a bare name is looked up only among readable clusters, so that a
 * cluster the caller may not read is never told apart from one that does not exist.
 */
export async function locateCluster(
  scope: ClusterReadScope,
  store: Pick<FleetStore, 'listClusters'>,
  locator: ClusterLocator,
): Promise<ClusterRef> {
  if (locator.id) return parseClusterId(locator.id);
  const { name, namespace, management } = locator;
  if (!name) {
    throw new InputError(
      'name the cluster: give its id (<management>/<namespace>/<name>) or its name',
    );
  }
  if (namespace && management) return { management, namespace, name };
  const candidates = permittedClusters(scope, await store.listClusters())
    .filter(
      c =>
        c.ref.name === name &&
        (!namespace || c.ref.namespace === namespace) &&
        (!management || c.ref.management === management),
    )
    .map(c => c.id)
    .sort();
  if (candidates.length === 0) {
    throw new NotFoundError(`no cluster named ${name} is in the fleet`);
  }
  if (candidates.length > 1) {
    throw new InputError(
      `${
        candidates.length
      } clusters are named ${name}: give one of their ids: ${candidates.join(
        ', ',
      )}`,
    );
  }
  return parseClusterId(candidates[0]);
}

/** The detail of the cluster a locator names, as the `/clusters/:m/:ns/:name` route reads it. */
export async function readLocatedCluster(
  scope: ClusterReadScope,
  store: Pick<FleetStore, 'listClusters' | 'getCluster'>,
  locator: ClusterLocator,
): Promise<ClusterDetail> {
  return readableCluster(
    scope,
    store,
    await locateCluster(scope, store, locator),
  );
}
