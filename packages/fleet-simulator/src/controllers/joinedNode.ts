import { IMAGE_REF_ANNOTATION } from '../generateFleet';
import { hashHex, stableUid } from '../random';
import type { KubeObject } from '../types';

export type NodeRole = 'control-plane' | 'worker';

/** `v1.31.2+k0s.0` → the kubelet's `v1.31.2+k0s`. */
export function kubeletOf(k0sVersion: string): string {
  return k0sVersion.replace(/[+-]k0s\.\d+$/, '+k0s');
}

const KAIROS_RELEASE = /-(v\d+\.\d+\.\d+)-k0s-/;

/** A Kubernetes Node as it registers when a machine joins: Ready, its kubelet, its Kairos image. */
export function joinedNode(args: {
  cluster: string;
  name: string;
  role: NodeRole;
  kubeletVersion: string;
  /** The image reference the node booted (its `fleetportal.io/image-ref`). */
  imageRef?: string;
  ip: string;
  now: string;
}): KubeObject {
  const uuid = stableUid('joined-node', args.cluster, args.name);
  const release = args.imageRef?.match(KAIROS_RELEASE)?.[1];
  const condition = (
    type: string,
    status: string,
    reason: string,
    message: string,
  ) => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: args.now,
    lastTransitionTime: args.now,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: args.name,
      labels: {
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': args.name,
        'kubernetes.io/os': 'linux',
        'node.k0sproject.io/role': args.role,
        [`node-role.kubernetes.io/${args.role}`]: '',
        'kairos.io/managed': 'true',
        ...(release ? { 'kairos.io/release': release } : {}),
      },
      annotations: args.imageRef
        ? { [IMAGE_REF_ANNOTATION]: args.imageRef }
        : {},
    },
    spec: { providerID: `vsphere://${uuid}` },
    status: {
      addresses: [
        { type: 'InternalIP', address: args.ip },
        { type: 'Hostname', address: args.name },
      ],
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition(
          'DiskPressure',
          'False',
          'KubeletHasNoDiskPressure',
          'kubelet has no disk pressure',
        ),
        condition(
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
        ),
        condition(
          'Ready',
          'True',
          'KubeletReady',
          'kubelet is posting ready status',
        ),
      ],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-51-generic',
        kubeProxyVersion: args.kubeletVersion,
        kubeletVersion: args.kubeletVersion,
        machineID: hashHex('machine', args.cluster, args.name).slice(0, 32),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.1 LTS',
        systemUUID: uuid,
        bootID: stableUid('boot', args.cluster, args.name, args.imageRef ?? ''),
      },
    },
  };
}
