import { condition } from '../conditions';
import { hashHex, stableUid } from '../random';
import { apiVersionOf, TYPES } from '../resourceTypes';
import type { KubeObject } from '../types';
import { CLUSTER_LABEL, HOUR, MINUTE } from './constants';
import type { ClusterPlan, NodePlan } from './planCluster';

export function k0sControlPlane(
  plan: ClusterPlan,
  at: (m: number) => string,
): KubeObject {
  const cpNodes = plan.nodes.filter(n => n.role === 'control-plane');
  const readyCount = cpNodes.filter(n => n.ready).length;
  const settled = at(-plan.createdAt + 30 * MINUTE);
  return {
    apiVersion: apiVersionOf(TYPES.k0sControlPlane),
    kind: 'K0sControlPlane',
    metadata: {
      name: `${plan.name}-cp`,
      namespace: plan.namespace,
      creationTimestamp: at(-plan.createdAt + 2 * MINUTE),
      generation: plan.generation,
      labels: { 'cluster.x-k8s.io/cluster-name': plan.name },
      ownerReferences: [
        {
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'Cluster',
          name: plan.name,
          uid: stableUid('capi-cluster', plan.namespace, plan.name),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: plan.cpCount,
      version: plan.desiredK0sVersion,
      updateStrategy: 'InPlace',
      k0sConfigSpec: {
        args: ['--enable-worker', '--no-taints'],
        k0s: {
          apiVersion: 'k0s.k0sproject.io/v1beta1',
          kind: 'ClusterConfig',
          metadata: { name: 'k0s' },
          spec: {
            api: { extraArgs: { 'anonymous-auth': 'false' } },
            network: { provider: 'calico' },
          },
        },
      },
      machineTemplate: {
        infrastructureRef: {
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
          kind: 'VSphereMachineTemplate',
          name: `${plan.name}-cp-mt`,
          namespace: plan.namespace,
        },
      },
    },
    status: {
      version: plan.controlPlaneVersion,
      replicas: plan.cpCount,
      readyReplicas: readyCount,
      availableReplicas: readyCount,
      upToDateReplicas: plan.scenarios.includes('build-drift')
        ? 0
        : plan.cpCount,
      selector: `cluster.x-k8s.io/cluster-name=${plan.name}`,
      initialization: { controlPlaneInitialized: true },
      conditions: [condition('Available', 'True', 'Available', '', settled)],
    },
  };
}

/**
 * Every fourth cluster from the fourth is controlled by a K0smotronControlPlane (k0smotron's
 * hosted control plane), the rest by a K0sControlPlane; by place in the fleet, no random draw.
 */
export function usesK0smotron(plan: Pick<ClusterPlan, 'index'>): boolean {
  return plan.index % 4 === 3;
}

/** The cluster's control plane object, of the kind usesK0smotron says. */
export function controlPlane(
  plan: ClusterPlan,
  at: (m: number) => string,
): KubeObject {
  return usesK0smotron(plan)
    ? k0smotronControlPlane(plan, at)
    : k0sControlPlane(plan, at);
}

/** A K0smotronControlPlane as k0smotron v2 reports it: `status.version` in its spec's spelling. */
export function k0smotronControlPlane(
  plan: ClusterPlan,
  at: (m: number) => string,
): KubeObject {
  const settled = at(-plan.createdAt + 25 * MINUTE);
  return {
    apiVersion: apiVersionOf(TYPES.k0smotronControlPlane),
    kind: 'K0smotronControlPlane',
    metadata: {
      name: `${plan.name}-cp`,
      namespace: plan.namespace,
      creationTimestamp: at(-plan.createdAt + 2 * MINUTE),
      generation: plan.generation,
      labels: { 'cluster.x-k8s.io/cluster-name': plan.name },
      ownerReferences: [
        {
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'Cluster',
          name: plan.name,
          uid: stableUid('capi-cluster', plan.namespace, plan.name),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: plan.cpCount,
      version: plan.desiredK0sVersion,
      image: 'quay.io/k0sproject/k0s',
      service: { type: 'LoadBalancer', apiPort: 6443, konnectivityPort: 8132 },
      persistence: { type: 'emptyDir' },
      k0sConfig: {
        apiVersion: 'k0s.k0sproject.io/v1beta1',
        kind: 'ClusterConfig',
        spec: { network: { provider: 'calico' } },
      },
    },
    status: {
      version: plan.controlPlaneVersion,
      replicas: plan.cpCount,
      readyReplicas: plan.cpCount,
      availableReplicas: plan.cpCount,
      upToDateReplicas: plan.scenarios.includes('build-drift')
        ? 0
        : plan.cpCount,
      selector: `app=k0smotron,cluster=${plan.name}-cp`,
      initialization: { controlPlaneInitialized: true },
      conditions: [condition('Available', 'True', 'Available', '', settled)],
    },
  };
}

export function virtualMachine(
  plan: ClusterPlan,
  node: NodePlan,
  at: (m: number) => string,
): KubeObject {
  const created = at(-plan.createdAt + (5 + node.index) * MINUTE);
  const running = at(-plan.createdAt + (12 + node.index) * MINUTE);
  return {
    apiVersion: apiVersionOf(TYPES.virtualMachine),
    kind: 'VirtualMachine',
    metadata: {
      name: node.name,
      namespace: plan.namespace,
      creationTimestamp: created,
      generation: 1,
      labels: {
        [CLUSTER_LABEL]: plan.name,
        'fleetportal.io/pool':
          node.role === 'control-plane' ? 'control-plane' : 'workers',
        'app.kubernetes.io/managed-by': 'fleet-portal',
        'cluster.x-k8s.io/cluster-name': plan.name,
      },
    },
    spec: {
      providerRef: { name: 'vsphere-dc1' },
      classRef: {
        name:
          node.role === 'control-plane'
            ? 'kairos-cp-medium'
            : 'kairos-worker-large',
      },
      imageRef: { name: node.vmImage },
      powerState: 'On',
      networks: [
        {
          name: 'primary',
          networkRef: { name: 'fleet-net' },
          ipAddress: node.ip,
          prefix: 24,
        },
      ],
      disks: [
        {
          name: 'data',
          sizeGiB: node.role === 'control-plane' ? 60 : 120,
          type: 'thin',
        },
      ],
      userData: {
        cloudInit: { secretRef: { name: `${node.name}-cloud-config` } },
      },
      tags: ['fleet-portal', plan.team, plan.name],
    },
    status: node.vmFailed
      ? {
          phase: 'Failed',
          powerState: 'Off',
          observedGeneration: 1,
          id: `vm-${hashHex('vm', plan.name, node.name).slice(0, 6)}`,
          ips: [],
          message:
            'vSphere task PowerOnVM_Task failed: insufficient resources on host esx-07',
          conditions: [
            condition(
              'Ready',
              'False',
              'ProviderError',
              'PowerOnVM_Task failed: insufficient resources',
              at(-3 * HOUR),
            ),
          ],
        }
      : {
          phase: 'Running',
          powerState: 'On',
          observedGeneration: 1,
          id: `vm-${hashHex('vm', plan.name, node.name).slice(0, 6)}`,
          ips: [node.ip],
          conditions: [
            condition(
              'Ready',
              'True',
              'Running',
              'VirtualMachine is running',
              running,
            ),
          ],
        },
  };
}
