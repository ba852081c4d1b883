import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  ClusterDetail,
  ClusterRef,
  clusterId,
} from '@internal/plugin-fleet-common';
import { fleetApiRef } from '../api';
import { readClusterAnnotation } from '../lib/entity';
import { isPermissionDenied } from '../lib/errors';

/** Every state a cluster card distinguishes, with `T` the card's derived view of the cluster. */
export type ClusterCardState<T> =
  | ClusterPendingState
  | { status: 'loaded'; ref: ClusterRef; cluster: ClusterDetail; view: T };

/** The states of any read about a cluster before its data is there: shared by every card. */
export type ClusterPendingState =
  | { status: 'missing-annotation' }
  | { status: 'invalid-annotation'; value: string }
  | { status: 'loading'; ref: ClusterRef }
  | { status: 'forbidden'; ref: ClusterRef; error: Error }
  | { status: 'error'; ref: ClusterRef; error: Error };

export type ClusterDetailState = ClusterCardState<ClusterDetail> & {
  retry: () => void;
};

/** Reads the entity's cluster-deployment annotation and loads that cluster from the fleet backend. */
export function useClusterDetail(entity: Entity): ClusterDetailState {
  const fleetApi = useApi(fleetApiRef);
  const annotation = readClusterAnnotation(entity);
  const ref = annotation.status === 'valid' ? annotation.ref : undefined;
  const key = ref ? clusterId(ref) : undefined;

  const { loading, error, value, retry } = useAsyncRetry(async () => {
    if (!ref) return undefined;
    return fleetApi.getCluster(ref);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fleetApi, key]);

  if (annotation.status === 'missing')
    return { status: 'missing-annotation', retry };
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
  return {
    status: 'loaded',
    ref: validRef,
    cluster: value,
    view: value,
    retry,
  };
}

/** `useClusterDetail` with the loaded cluster turned into a card's view by a pure function. */
export function useClusterCard<T>(
  entity: Entity,
  derive: (cluster: ClusterDetail) => T,
): ClusterCardState<T> & { retry: () => void } {
  const state = useClusterDetail(entity);
  const cluster = state.status === 'loaded' ? state.cluster : undefined;
  const view = useMemo(
    () => (cluster ? derive(cluster) : undefined),
    [cluster, derive],
  );
  if (state.status === 'loaded') return { ...state, view: view as T };
  return state;
}
