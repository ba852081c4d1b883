import { useMemo } from 'react';
import { Entity } from '@backstage/catalog-model';
import { ClusterDetail, ClusterRef } from '@fleet-portal/plugin-fleet-common';
import { FleetApi } from '../api';
import { useClusterRead } from './useClusterRead';

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

const getCluster = (api: FleetApi, ref: ClusterRef) => api.getCluster(ref);

/** Reads the entity's cluster-deployment annotation and loads that cluster from the fleet backend. */
export function useClusterDetail(entity: Entity): ClusterDetailState {
  const state = useClusterRead(entity, getCluster, []);
  if (state.status !== 'loaded') return state;
  return {
    status: 'loaded',
    ref: state.ref,
    cluster: state.value,
    view: state.value,
    retry: state.retry,
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
