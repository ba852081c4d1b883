import { Entity } from '@backstage/catalog-model';
import {
  ClusterRef,
  ClusterSummary,
  FLEET_ENTITY_ANNOTATIONS,
} from '@internal/plugin-fleet-common';
import {
  CLUSTER_ENTITY_NAMESPACE,
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
} from '../constants';

/** A catalog `Resource` of type `kubernetes-cluster`: the entities Fleet Portal's cards belong on. */
export function isFleetCluster(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === KUBERNETES_CLUSTER_RESOURCE_TYPE
  );
}

export type ClusterAnnotation =
  | { status: 'missing' }
  | { status: 'invalid'; value: string }
  | { status: 'valid'; ref: ClusterRef };

/** Reads `fleetportal.io/cluster-deployment: <management>/<namespace>/<name>`. */
export function readClusterAnnotation(entity: Entity): ClusterAnnotation {
  const value =
    entity.metadata.annotations?.[FLEET_ENTITY_ANNOTATIONS.clusterDeployment];
  if (value === undefined || value.trim() === '') return { status: 'missing' };
  const parts = value.trim().split('/');
  if (parts.length !== 3 || parts.some(part => part === '')) {
    return { status: 'invalid', value };
  }
  const [management, namespace, name] = parts;
  return { status: 'valid', ref: { management, namespace, name } };
}

/** The catalog entity name of a cluster. Kept in one place should collisions ever need a suffix. */
export function clusterEntityName(
  summary: Pick<ClusterSummary, 'ref'>,
): string {
  return `${summary.ref.name}`;
}

/** Path of the cluster's catalog entity page. */
export function clusterEntityPath(
  summary: Pick<ClusterSummary, 'ref'>,
): string {
  return `/catalog/${CLUSTER_ENTITY_NAMESPACE}/resource/${encodeURIComponent(
    clusterEntityName(summary),
  )}`;
}
