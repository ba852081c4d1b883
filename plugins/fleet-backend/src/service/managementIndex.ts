import { FLEET_LABELS } from '@internal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';

/** `<namespace>/<name>`: how a cluster's objects are found in the management cluster's lists. */
export function clusterKey(
  namespace: string | undefined,
  name: string | undefined,
): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}

/** A management cluster's lists, indexed once per read so that each cluster finds its objects. */
export interface ManagementIndex {
  /** By cluster key, from the Cluster API label `cluster.x-k8s.io/cluster-name`. */
  controlPlanesByCluster: Map<string, KubeObject[]>;
  /** By cluster key, from Fleet Portal's cluster label. */
  vmsByCluster: Map<string, KubeObject[]>;
  /** By namespace, then name. */
  vmImagesByNamespace: Map<string, Map<string, KubeObject>>;
}

export function indexManagementObjects(objects: {
  controlPlanes: KubeObject[];
  virtualMachines: KubeObject[];
  vmImages: KubeObject[];
}): ManagementIndex {
  const vmImagesByNamespace = new Map<string, Map<string, KubeObject>>();
  for (const image of objects.vmImages) {
    const ns = image.metadata?.namespace ?? '';
    if (!vmImagesByNamespace.has(ns)) vmImagesByNamespace.set(ns, new Map());
    vmImagesByNamespace.get(ns)!.set(image.metadata?.name ?? '', image);
  }
  return {
    controlPlanesByCluster: groupBy(objects.controlPlanes, o =>
      clusterKey(
        o.metadata?.namespace,
        o.metadata?.labels?.['cluster.x-k8s.io/cluster-name'],
      ),
    ),
    vmsByCluster: groupBy(objects.virtualMachines, o =>
      clusterKey(
        o.metadata?.namespace,
        o.metadata?.labels?.[FLEET_LABELS.cluster],
      ),
    ),
    vmImagesByNamespace,
  };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
