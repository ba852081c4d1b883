import { hashHex, stableUid } from '../random';
import { apiVersionOf, TYPES } from '../resourceTypes';
import type { KubeObject } from '../types';
import {
  CLUSTER_LABEL,
  HOUR,
  IMAGE_REF_ANNOTATION,
  MINUTE,
  sanitize,
} from './constants';
import type { ClusterPlan, NodePlan, UpgradePlan } from './planCluster';

export function nodeObject(
  plan: ClusterPlan,
  node: NodePlan,
  seed: number,
  at: (m: number) => string,
): KubeObject {
  const created = at(-plan.createdAt + (14 + node.index) * MINUTE);
  const heartbeat = at(-1);
  const uuid = stableUid('node', seed, plan.name, node.name);
  const r = node.release;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
    'node.k0sproject.io/role':
      node.role === 'control-plane' ? 'control-plane' : 'worker',
    [node.role === 'control-plane'
      ? 'node-role.kubernetes.io/control-plane'
      : 'node-role.kubernetes.io/worker']: '',
    'kairos.io/managed': 'true',
    'kairos.io/release': r.kairos,
    'kairos.io/flavor': 'ubuntu',
    'kairos.io/flavor-release': '24.04',
    'kairos.io/variant': 'standard',
    'kairos.io/model': 'generic',
    'kairos.io/arch': 'amd64',
    'kairos.io/software-version': sanitize(r.k0s),
    'kairos.io/software-version-prefix': 'k0s',
    'kairos.io/boot-state': 'active_boot',
    'kairos.io/trusted-boot': 'false',
    'kairos.io/fips': 'false',
  };
  const conditions = node.ready
    ? [
        [
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ],
        [
          'DiskPressure',
          'False',
          'KubeletHasNoDiskPressure',
          'kubelet has no disk pressure',
        ],
        [
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
        ],
        ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
      ].map(([type, status, reason, message]) => ({
        type,
        status,
        reason,
        message,
        lastHeartbeatTime: heartbeat,
        lastTransitionTime: at(-plan.createdAt + (16 + node.index) * MINUTE),
      }))
    : ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map(type => ({
        type,
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastHeartbeatTime: at(-3 * HOUR - 2),
        lastTransitionTime: at(-3 * HOUR),
      }));
  const memory = node.role === 'control-plane' ? '8147440Ki' : '16393208Ki';
  const cpu = node.role === 'control-plane' ? '4' : '8';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      creationTimestamp: created,
      labels,
      annotations: {
        'kairos.io/version': r.kairos,
        'kairos.io/name': `kairos-ubuntu-24.04-standard-amd64-generic-${r.kairos}-k0s-${r.k0s}`,
        'kairos.io/init-version': node.initRelease.kairos,
        [IMAGE_REF_ANNOTATION]: node.annotationRef,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${node.index}.0/24`,
      podCIDRs: [`10.244.${node.index}.0/24`],
      providerID: `vsphere://${uuid}`,
      ...(node.ready
        ? {}
        : {
            taints: [
              {
                key: 'node.kubernetes.io/unreachable',
                effect: 'NoSchedule',
                timeAdded: at(-3 * HOUR),
              },
              {
                key: 'node.kubernetes.io/unreachable',
                effect: 'NoExecute',
                timeAdded: at(-3 * HOUR + 1),
              },
            ],
          }),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: node.ip },
        { type: 'Hostname', address: node.name },
      ],
      capacity: { cpu, 'ephemeral-storage': '61255492Ki', memory, pods: '110' },
      allocatable: {
        cpu,
        'ephemeral-storage': '56453061334',
        memory,
        pods: '110',
      },
      conditions,
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: stableUid('boot', seed, plan.name, node.name, r.kairos),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-51-generic',
        kubeProxyVersion: node.kubeletVersion,
        kubeletVersion: node.kubeletVersion,
        machineID: hashHex('machine', seed, plan.name, node.name).slice(0, 32),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.1 LTS',
        systemUUID: uuid,
      },
    },
  };
}

const NODE_STATUS_MESSAGES = {
  Completed: 'Job completed successfully',
  Running: 'Upgrade job is running',
  Pending: 'Waiting for the previous node to finish',
} as const;

export function nodeOpUpgrade(
  plan: ClusterPlan,
  upgrade: UpgradePlan,
  at: (m: number) => string,
): KubeObject {
  const nodeStatuses: Record<string, unknown> = {};
  for (const n of upgrade.nodes) {
    nodeStatuses[n.node] = {
      phase: n.phase,
      message: NODE_STATUS_MESSAGES[n.phase],
      lastUpdated: at(-n.at),
      jobName: `${upgrade.name}-${n.node}`.slice(0, 63).replace(/-+$/, ''),
      ...(n.phase === 'Completed' ? { rebootStatus: 'completed' } : {}),
    };
  }
  const last = Math.min(...upgrade.nodes.map(n => n.at));
  return {
    apiVersion: apiVersionOf(TYPES.nodeOpUpgrade),
    kind: 'NodeOpUpgrade',
    metadata: {
      name: upgrade.name,
      namespace: 'default',
      creationTimestamp: at(-upgrade.startedAt),
      generation: 1,
      labels: {
        [CLUSTER_LABEL]: plan.name,
        'app.kubernetes.io/managed-by': 'fleet-portal',
      },
    },
    spec: {
      image: upgrade.image,
      concurrency: 1,
      stopOnFailure: true,
      upgradeActive: true,
      upgradeRecovery: false,
      force: false,
      nodeSelector: { matchLabels: { 'kairos.io/managed': 'true' } },
    },
    status: {
      phase: upgrade.phase,
      message:
        upgrade.phase === 'Completed'
          ? 'Upgrade operation completed successfully'
          : 'Upgrade operation is running',
      nodeOpName: upgrade.name,
      lastUpdated: at(-last),
      nodeStatuses,
    },
  };
}
