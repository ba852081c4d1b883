import type { ReadContext } from '../derive/source';
import type { KubeObject } from '../reading/KubeReader';

export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;
export const IMAGE_A = `registry.example.com/kairos/rhel9-k0s@${DIGEST_A}`;
export const IMAGE_B = `registry.example.com/kairos/rhel9-k0s@${DIGEST_B}`;

export const mgmtRead: ReadContext = {
  readFrom: { scope: 'management', cluster: 'mgmt' },
  readAt: '2026-11-01T10:00:00.000Z',
};
export const childRead: ReadContext = {
  readFrom: { scope: 'child', cluster: 'mgmt/team-a/c1' },
  readAt: '2026-11-01T10:00:01.000Z',
};
export const dnsRead: ReadContext = {
  readFrom: { scope: 'dns', cluster: 'dns' },
  readAt: '2026-11-01T10:00:02.000Z',
};

export function node(
  name: string,
  opts: {
    kubelet?: string;
    ready?: boolean;
    roles?: string[];
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        ...Object.fromEntries(
          (opts.roles ?? []).map(r => [`node-role.kubernetes.io/${r}`, 'true']),
        ),
        ...opts.labels,
      },
      annotations: opts.annotations,
    },
    status: {
      nodeInfo: { kubeletVersion: opts.kubelet ?? 'v1.31.2+k0s' },
      conditions: [
        { type: 'Ready', status: opts.ready === false ? 'False' : 'True' },
      ],
    },
  };
}

export function vm(
  name: string,
  imageName: string | undefined,
  namespace = 'team-a',
  cluster = 'c1',
): KubeObject {
  return {
    apiVersion: 'infra.virtrigaud.io/v1beta1',
    kind: 'VirtualMachine',
    metadata: {
      name,
      namespace,
      labels: { 'fleetportal.io/cluster': cluster },
    },
    spec: { imageRef: imageName ? { name: imageName } : undefined },
    status: { phase: 'Running' },
  };
}

export function vmImage(
  name: string,
  image: string | undefined,
  namespace = 'team-a',
): KubeObject {
  return {
    apiVersion: 'infra.virtrigaud.io/v1beta1',
    kind: 'VMImage',
    metadata: { name, namespace },
    spec: {
      source: image
        ? { registry: { image } }
        : { http: { url: 'https://example.com/x.iso' } },
    },
  };
}

export function nodeOpUpgrade(
  name: string,
  image: string,
  nodeStatuses: Record<
    string,
    { phase: string; lastUpdated?: string; message?: string }
  >,
): KubeObject {
  return {
    apiVersion: 'operator.kairos.io/v1alpha1',
    kind: 'NodeOpUpgrade',
    metadata: { name, namespace: 'default' },
    spec: { image },
    status: { nodeStatuses },
  };
}

export function clusterDeployment(
  name: string,
  opts: {
    k0s?: string;
    ready?: 'True' | 'False' | 'Unknown';
    reason?: string;
    image?: string;
    upgrades?: string[];
    namespace?: string;
  } = {},
): KubeObject {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ClusterDeployment',
    metadata: {
      name,
      namespace: opts.namespace ?? 'team-a',
      annotations: opts.image ? { 'fleetportal.io/vmimage': opts.image } : {},
      labels: { env: 'prod' },
    },
    spec: {
      template: 'vsphere-standalone-cp-1-0-42',
      credential: 'vsphere-cred',
      config: {
        controlPlaneNumber: 1,
        workersNumber: 2,
        k0s: opts.k0s ? { version: opts.k0s } : undefined,
      },
    },
    status: {
      conditions: opts.ready
        ? [
            {
              type: 'Ready',
              status: opts.ready,
              reason:
                opts.reason ?? (opts.ready === 'True' ? 'Succeeded' : 'Failed'),
              message: 'msg',
            },
          ]
        : [],
      availableUpgrades: opts.upgrades,
    },
  };
}

export function aRecord(
  name: string,
  opts: {
    ready?: 'True' | 'False';
    reason?: string;
    generation?: number;
    observed?: number;
    zone?: string;
    cluster?: string;
  } = {},
): KubeObject {
  return {
    apiVersion: 'bindy.firestoned.io/v1beta1',
    kind: 'ARecord',
    metadata: {
      name,
      namespace: 'dns',
      generation: opts.generation ?? 1,
      labels: {
        'bindy.firestoned.io/zone': opts.zone ?? 'example.com',
        'fleetportal.io/cluster': opts.cluster ?? 'c1',
      },
    },
    spec: { name, ttl: 300, ipv4Addresses: ['192.0.2.10'] },
    status: {
      observedGeneration: opts.observed ?? opts.generation ?? 1,
      lastUpdated: '2026-11-01T09:00:00Z',
      zoneRef: { zoneName: opts.zone ?? 'example.com' },
      conditions: opts.ready
        ? [
            {
              type: 'Ready',
              status: opts.ready,
              reason: opts.reason ?? 'ReconcileSucceeded',
            },
          ]
        : [],
    },
  };
}
