import { Entity } from '@backstage/catalog-model';
import {
  clusterEntityRef,
  ClusterRef,
  ClusterSummary,
  FLEET_ENTITY_ANNOTATIONS,
} from '@fleet-portal/plugin-fleet-common';
import { KUBERNETES_CLUSTER_RESOURCE_TYPE } from '../constants';

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

/** The catalog entity name of a cluster (unique per management cluster, namespace and name). */
export function clusterEntityName(
  summary: Pick<ClusterSummary, 'ref'>,
): string {
  return clusterEntityRef(summary.ref).name;
}

/** Path of the cluster's catalog entity page, in its management cluster's catalog namespace. */
export function clusterEntityPath(
  summary: Pick<ClusterSummary, 'ref'>,
): string {
  const entity = clusterEntityRef(summary.ref);
  return `/catalog/${encodeURIComponent(
    entity.namespace,
  )}/resource/${encodeURIComponent(entity.name)}`;
}
