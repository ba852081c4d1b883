import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { ClusterRef, clusterId } from '@fleet-portal/plugin-fleet-common';
import { FleetApi, fleetApiRef } from '../api';
import { readClusterAnnotation } from '../lib/entity';
import { isPermissionDenied } from '../lib/errors';
import { ClusterPendingState } from './useClusterDetail';
import { useLiveAsync } from './useFleetChanges';

/** A read about the entity's cluster: pending in any of the shared ways, or loaded with `T`. */
export type ClusterReadState<T> = (
  | ClusterPendingState
  | { status: 'loaded'; ref: ClusterRef; value: T }
) & { retry: () => void };

/**
 * Reads something about the entity's annotated cluster. `read` runs again whenever the cluster
 * or one of `deps` changes, and at each change of the fleet the backend signals (showing the
 * last value meanwhile); it is not called for an entity without a valid annotation.
 */
export function useClusterRead<T>(
  entity: Entity,
  read: (api: FleetApi, ref: ClusterRef) => Promise<T>,
  deps: unknown[],
): ClusterReadState<T> {
  const fleetApi = useApi(fleetApiRef);
  const annotation = readClusterAnnotation(entity);
  const ref = annotation.status === 'valid' ? annotation.ref : undefined;
  const key = ref ? clusterId(ref) : undefined;

  const { loading, error, value, retry } = useLiveAsync(async () => {
    if (!ref) return undefined;
    return { result: await read(fleetApi, ref) };
  }, [fleetApi, key, ...deps]);

  if (annotation.status === 'missing') {
    return { status: 'missing-annotation', retry };
  }
  if (annotation.status === 'invalid') {
    return { status: 'invalid-annotation', value: annotation.value, retry };
  }
  const validRef = annotation.ref;
  if (error) {
    return isPermissionDenied(error)
      ? { status: 'forbidden', ref: validRef, error, retry }
      : { status: 'error', ref: validRef, error, retry };
  }
  if (loading || !value) return { status: 'loading', ref: validRef, retry };
  return { status: 'loaded', ref: validRef, value: value.result, retry };
}
