import { FLEET_LABELS } from '@fleet-portal/plugin-fleet-common';
import {
  buildCloudConfigText,
  CloudConfigSpec,
  NodeRole,
  NodeUser,
} from '@fleet-portal/plugin-fleet-node';
import { objectMeta } from './metadata';
import { KubeObject, RequestInfo } from './types';
import { VIRTRIGAUD_API_VERSION } from './vmImage';

export interface VmNetwork {
  name: string;
  networkRef?: string;
  /** Static IPv4 of this VM. */
  ipAddress?: string;
  prefix?: number;
  gateway?: string;
  dns?: string[];
}

export interface VirtualMachineSpec {
  name: string;
  namespace: string;
  cluster: string;
  pool: string;
  role: NodeRole;
  provider: string;
  vmClass: string;
  /** VMImage name. */
  image: string;
  /** The VMImage's digest-pinned OCI reference. */
  imageReference: string;
  networks: VmNetwork[];
  users: NodeUser[];
  joinTokenVariable: string;
  /** The Secret that holds the join token, recorded for operators (`fleetportal.io/join-token-from`). */
  joinTokenSecret: string;
}

export const JOIN_TOKEN_FROM_ANNOTATION = 'fleetportal.io/join-token-from';

export function cloudConfigSecretName(vmName: string): string {
  return `${vmName}-cloud-config`;
}

function buildNetwork(network: VmNetwork): Record<string, unknown> {
  const out: Record<string, unknown> = { name: network.name };
  if (network.networkRef) out.networkRef = { name: network.networkRef };
  if (network.ipAddress) out.ipAddress = network.ipAddress;
  if (network.prefix !== undefined) out.prefix = network.prefix;
  if (network.gateway) out.gateway = network.gateway;
  if (network.dns && network.dns.length > 0) out.dns = network.dns.join(',');
  return out;
}

/** The VirtualMachine and the Secret holding its cloud-config, in that order. */
export function buildVirtualMachine(
  spec: VirtualMachineSpec,
  request: RequestInfo,
): KubeObject[] {
  const labels = {
    [FLEET_LABELS.cluster]: spec.cluster,
    [FLEET_LABELS.pool]: spec.pool,
  };
  const secretName = cloudConfigSecretName(spec.name);
  const cloudConfig: CloudConfigSpec = {
    hostname: spec.name,
    role: spec.role,
    users: spec.users,
    imageReference: spec.imageReference,
    joinTokenVariable: spec.joinTokenVariable,
  };
  const virtualMachine: KubeObject = {
    apiVersion: VIRTRIGAUD_API_VERSION,
    kind: 'VirtualMachine',
    metadata: objectMeta(request, spec.name, spec.namespace, { labels }),
    spec: {
      providerRef: { name: spec.provider },
      classRef: { name: spec.vmClass },
      imageRef: { name: spec.image },
      networks: spec.networks.map(buildNetwork),
      powerState: 'On',
      userData: { cloudInit: { secretRef: { name: secretName } } },
    },
  };
  const secret: KubeObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: objectMeta(request, secretName, spec.namespace, {
      labels,
      annotations: {
        [JOIN_TOKEN_FROM_ANNOTATION]: `${spec.joinTokenSecret}/${spec.joinTokenVariable}`,
      },
    }),
    type: 'Opaque',
    stringData: { userdata: buildCloudConfigText(cloudConfig) },
  };
  return [virtualMachine, secret];
}
