import type { VmOwnershipRule } from '@fleet-portal/plugin-fleet-common';
import { CAPI_CLUSTER_LABEL, vmOwner } from '../derive/vmOwnership';
import type { KubeObject } from '../reading/KubeReader';

import { clusterKey } from '../derive/clusterKey';

export { clusterKey };

/** A management cluster's lists, indexed once per read so that each cluster finds its objects. */
export interface ManagementIndex {
  /** By cluster key, from the Cluster API label `cluster.x-k8s.io/cluster-name`. */
  controlPlanesByCluster: Map<string, KubeObject[]>;
  /** By cluster key: Fleet Portal's label, the Cluster API label or an owner reference (vmOwner). */
  vmsByCluster: Map<string, KubeObject[]>;
  /** Why each VM of `vmsByCluster` belongs to its cluster, by cluster key then VM name. */
  vmOwnershipByCluster: Map<string, Map<string, VmOwnershipRule>>;
  /** VMs whose conventions name different clusters, by each cluster key they name. */
  ownershipProblemsByCluster: Map<string, string[]>;
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
  const vmsByCluster = new Map<string, KubeObject[]>();
  const vmOwnershipByCluster = new Map<string, Map<string, VmOwnershipRule>>();
  const ownershipProblemsByCluster = new Map<string, string[]>();
  for (const vm of objects.virtualMachines) {
    const owner = vmOwner(vm);
    if (!owner) continue;
    const namespace = vm.metadata?.namespace;
    if ('conflict' in owner) {
      for (const cluster of owner.clusters) {
        const k = clusterKey(namespace, cluster);
        ownershipProblemsByCluster.set(k, [
          ...(ownershipProblemsByCluster.get(k) ?? []),
          owner.conflict,
        ]);
      }
      continue;
    }
    const k = clusterKey(namespace, owner.cluster);
    const vms = vmsByCluster.get(k);
    if (vms) vms.push(vm);
    else vmsByCluster.set(k, [vm]);
    if (!vmOwnershipByCluster.has(k)) vmOwnershipByCluster.set(k, new Map());
    vmOwnershipByCluster.get(k)!.set(vm.metadata?.name ?? '', owner.rule);
  }
  return {
    controlPlanesByCluster: groupBy(objects.controlPlanes, o =>
      clusterKey(
        o.metadata?.namespace,
        o.metadata?.labels?.[CAPI_CLUSTER_LABEL],
      ),
    ),
    vmsByCluster,
    vmOwnershipByCluster,
    ownershipProblemsByCluster,
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
