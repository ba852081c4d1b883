import { stableUid } from '../random';
import type { KubeObject } from '../types';
import { BROWNFIELD_DNS_SUFFIX_ANNOTATION, CLUSTER_LABEL } from './constants';
import type { ClusterPlan, NodePlan } from './planCluster';

/**
 * A cluster written before Fleet Portal existed, as a platform team's own tooling wrote it:
 * nothing carries a `fleetportal.io/` key, VMs are named by the hypervisor's convention, and
 * only upstream conventions tie the objects together.
 */
export const isBrownfield = (plan: ClusterPlan) =>
  plan.scenarios.includes('brownfield');

/** `edge-3-vm-01`: a name no node has, so a node is matched by its provider ID or its IP. */
export const brownfieldVmName = (plan: ClusterPlan, node: NodePlan) =>
  `${plan.name}-vm-${String(node.index + 1).padStart(2, '0')}`;

const withoutFleetKeys = (map: Record<string, string> | undefined) =>
  Object.fromEntries(
    Object.entries(map ?? {}).filter(
      ([key, value]) =>
        !key.startsWith('fleetportal.io/') && value !== 'fleet-portal',
    ),
  );

export function brownfieldClusterDeployment(
  plan: ClusterPlan,
  cd: KubeObject,
): KubeObject {
  return {
    ...cd,
    metadata: {
      ...cd.metadata,
      labels: {
        ...withoutFleetKeys(cd.metadata.labels),
        'platform.example.com/team': plan.team,
        'platform.example.com/tier': 'production',
      },
      annotations: {
        ...withoutFleetKeys(cd.metadata.annotations),
        [BROWNFIELD_DNS_SUFFIX_ANNOTATION]: `${plan.name}.${plan.zone}`,
      },
    },
  };
}

/**
 * Even VMs carry the Cluster API label, odd ones an owner reference to the CAPI Cluster; a
 * control-plane VM reports the hypervisor's UUID the node's `spec.providerID` ends with, a
 * worker VM only its IP.
 */
export function brownfieldVirtualMachine(
  plan: ClusterPlan,
  node: NodePlan,
  seed: number,
  vm: KubeObject,
): KubeObject {
  const labels = withoutFleetKeys(vm.metadata.labels);
  delete labels['cluster.x-k8s.io/cluster-name'];
  const byLabel = node.index % 2 === 0;
  const spec = vm.spec as Record<string, any>;
  const status = vm.status as Record<string, any>;
  return {
    ...vm,
    metadata: {
      ...vm.metadata,
      name: brownfieldVmName(plan, node),
      labels: byLabel
        ? { ...labels, 'cluster.x-k8s.io/cluster-name': plan.name }
        : labels,
      ...(byLabel
        ? {}
        : {
            ownerReferences: [
              {
                apiVersion: 'cluster.x-k8s.io/v1beta2',
                kind: 'Cluster',
                name: plan.name,
                uid: stableUid('capi-cluster', plan.namespace, plan.name),
              },
            ],
          }),
    },
    spec: {
      ...spec,
      tags: (spec.tags as string[]).filter(t => t !== 'fleet-portal'),
    },
    status:
      node.role === 'control-plane'
        ? { ...status, id: stableUid('node', seed, plan.name, node.name) }
        : status,
  };
}

export function brownfieldNode(node: KubeObject): KubeObject {
  return {
    ...node,
    metadata: {
      ...node.metadata,
      annotations: withoutFleetKeys(node.metadata.annotations),
    },
  };
}

export function brownfieldDnsRecord(record: KubeObject): KubeObject {
  const labels = { ...record.metadata.labels };
  delete labels[CLUSTER_LABEL];
  return { ...record, metadata: { ...record.metadata, labels } };
}
