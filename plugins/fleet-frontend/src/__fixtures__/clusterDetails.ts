import { ClusterDetail, NodeStatus } from '@fleet-portal/plugin-fleet-common';
import { READ_AT, dnsSource, managementSource, nodeSource } from './sources';

export const DESIRED_DIGEST =
  'sha256:1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809';
export const OLD_DIGEST =
  'sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0';
export const KAIROS_REPOSITORY =
  'registry.fleet.example.com/kairos/ubuntu-24.04-k0s';
export const DESIRED_IMAGE = `${KAIROS_REPOSITORY}@${DESIRED_DIGEST}`;
export const OLD_IMAGE = `${KAIROS_REPOSITORY}@${OLD_DIGEST}`;

function kairosNode(
  clusterId: string,
  name: string,
  options: {
    role: 'control-plane' | 'worker';
    image: string | { unknownReason: string; reference?: string };
    kubeletVersion: string;
    kairosVersion?: string;
    ready?: boolean;
  },
): NodeStatus {
  const [namespace] = clusterId.split('/').slice(1);
  const vmSource = managementSource(
    'VirtualMachine',
    namespace,
    name,
    'spec.imageRef.name',
  );
  const image: NodeStatus['image'] =
    typeof options.image === 'string'
      ? {
          known: true,
          reference: options.image,
          repository: KAIROS_REPOSITORY,
          digest: options.image.split('@')[1],
          via: 'node-annotation',
          sources: [
            nodeSource(
              clusterId,
              name,
              'metadata.annotations[fleetportal.io/image-ref]',
            ),
          ],
        }
      : {
          known: false,
          reason: options.image.unknownReason,
          reference: options.image.reference,
          sources: [vmSource],
        };
  return {
    name,
    roles: [options.role],
    ready: options.ready ?? true,
    kubeletVersion: options.kubeletVersion,
    kairos: {
      version: options.kairosVersion ?? 'v3.2.4',
      flavor: 'ubuntu',
      flavorRelease: '24.04',
      variant: 'standard',
      arch: 'amd64',
      softwareVersion: options.kubeletVersion,
      managed: true,
    },
    image,
    virtualMachine: { namespace, name, phase: 'Running' },
    vmMatch: {
      rule: 'name',
      evidence: `node ${name} = VirtualMachine ${name}`,
    },
    source: nodeSource(clusterId, name, 'status'),
  };
}

const DRIFTED_ID = 'demo/fleet-demo/edge-fra-01';

/** A demo cluster with image drift, k0s skew and build drift, an unsynced record, and a stale read. */
export const driftedClusterDetail: ClusterDetail = {
  id: DRIFTED_ID,
  ref: { management: 'demo', namespace: 'fleet-demo', name: 'edge-fra-01' },
  demo: true,
  template: 'vsphere-standalone-cp-1-0-42',
  credential: 'vsphere-cred',
  region: 'eu-central',
  owner: 'group:default/platform-team',
  labels: { env: 'prod', site: 'fra' },
  apiServer: 'https://10.20.0.10:6443',
  health: {
    state: 'ready',
    reason: 'Succeeded',
    source: managementSource(
      'ClusterDeployment',
      'fleet-demo',
      'edge-fra-01',
      'status.conditions[type=Ready]',
      'demo',
    ),
  },
  k0s: {
    desired: 'v1.31.2+k0s.1',
    exactBuild: 'v1.31.2+k0s.0',
    running: ['v1.31.2+k0s', 'v1.30.5+k0s'],
    availableUpgrades: ['vsphere-standalone-cp-1-0-43'],
  },
  desiredImage: DESIRED_IMAGE,
  desiredImageFigure: {
    value: DESIRED_IMAGE,
    source: managementSource(
      'VMImage',
      'fleet-demo',
      'kairos-ubuntu-24-04-k0s-1-31',
      'spec.source.registry.image',
      'demo',
    ),
  },
  images: [
    {
      reference: DESIRED_IMAGE,
      digest: DESIRED_DIGEST,
      nodes: ['edge-fra-01-cp-0', 'edge-fra-01-w-0'],
    },
    { reference: OLD_IMAGE, digest: OLD_DIGEST, nodes: ['edge-fra-01-w-1'] },
  ],
  nodes: { total: 4, ready: 3, unknownImage: 1 },
  dns: { total: 4, synced: 2 },
  drift: [
    {
      type: 'node-image',
      node: 'edge-fra-01-w-1',
      desired: DESIRED_IMAGE,
      actual: OLD_IMAGE,
    },
    {
      type: 'node-image-unknown',
      node: 'edge-fra-01-w-2',
      reason:
        'VMImage kairos-ubuntu-latest is tag-only and the node carries no image-ref annotation',
    },
    {
      type: 'k0s-version',
      desired: 'v1.31.2+k0s.1',
      running: 'v1.30.5+k0s',
      nodes: ['edge-fra-01-w-1'],
    },
    { type: 'k0s-build', desired: 'v1.31.2+k0s.1', actual: 'v1.31.2+k0s.0' },
    {
      type: 'dns-unsynced',
      kind: 'ARecord',
      namespace: 'fleet-demo',
      name: 'edge-fra-01-ingress',
      fqdn: 'ingress.edge-fra-01.fleet.example.com.',
      reason: 'ZoneNotFound',
    },
  ],
  read: {
    lastSuccessAt: '2026-03-01T11:40:00Z',
    lastAttemptAt: READ_AT,
    stale: true,
    failures: [
      {
        reason: 'timeout',
        message: 'GET /api/v1/nodes timed out after 10s',
        during: 'child nodes',
        at: READ_AT,
      },
    ],
  },
  k0sVersions: {
    desired: {
      value: 'v1.31.2+k0s.1',
      source: managementSource(
        'ClusterDeployment',
        'fleet-demo',
        'edge-fra-01',
        'spec.config.k0s.version',
        'demo',
      ),
    },
    exactBuild: {
      value: 'v1.31.2+k0s.0',
      source: managementSource(
        'K0sControlPlane',
        'fleet-demo',
        'edge-fra-01-cp',
        'status.version',
        'demo',
      ),
    },
    running: [
      {
        version: 'v1.31.2+k0s',
        nodes: ['edge-fra-01-cp-0', 'edge-fra-01-w-0', 'edge-fra-01-w-2'],
        roles: ['control-plane', 'worker'],
      },
      { version: 'v1.30.5+k0s', nodes: ['edge-fra-01-w-1'], roles: ['worker'] },
    ],
    availableUpgrades: {
      value: ['vsphere-standalone-cp-1-0-43'],
      source: managementSource(
        'ClusterDeployment',
        'fleet-demo',
        'edge-fra-01',
        'status.availableUpgrades',
        'demo',
      ),
    },
  },
  nodeStatuses: [
    kairosNode(DRIFTED_ID, 'edge-fra-01-cp-0', {
      role: 'control-plane',
      image: DESIRED_IMAGE,
      kubeletVersion: 'v1.31.2+k0s',
    }),
    kairosNode(DRIFTED_ID, 'edge-fra-01-w-0', {
      role: 'worker',
      image: DESIRED_IMAGE,
      kubeletVersion: 'v1.31.2+k0s',
    }),
    kairosNode(DRIFTED_ID, 'edge-fra-01-w-1', {
      role: 'worker',
      image: OLD_IMAGE,
      kubeletVersion: 'v1.30.5+k0s',
      kairosVersion: 'v3.1.9',
    }),
    kairosNode(DRIFTED_ID, 'edge-fra-01-w-2', {
      role: 'worker',
      image: {
        unknownReason:
          'VMImage kairos-ubuntu-latest is tag-only and the node carries no image-ref annotation',
        reference: `${KAIROS_REPOSITORY}:latest`,
      },
      kubeletVersion: 'v1.31.2+k0s',
      ready: false,
    }),
  ],
  dnsRecords: [
    {
      kind: 'ARecord',
      namespace: 'fleet-demo',
      name: 'edge-fra-01-api',
      recordName: 'api.edge-fra-01',
      zone: 'fleet.example.com',
      fqdn: 'api.edge-fra-01.fleet.example.com.',
      values: ['10.20.0.10'],
      ttl: 300,
      synced: true,
      reason: 'ReconcileSucceeded',
      lastUpdated: '2026-03-01T11:30:00Z',
      staleGeneration: false,
      source: dnsSource('ARecord', 'fleet-demo', 'edge-fra-01-api'),
    },
    {
      kind: 'ARecord',
      namespace: 'fleet-demo',
      name: 'edge-fra-01-ingress',
      recordName: 'ingress.edge-fra-01',
      zone: 'fleet.example.com',
      fqdn: 'ingress.edge-fra-01.fleet.example.com.',
      values: ['10.20.0.20', '10.20.0.21'],
      ttl: 300,
      synced: false,
      reason: 'ZoneNotFound',
      message: 'no DNSZone selects this record',
      staleGeneration: false,
      source: dnsSource('ARecord', 'fleet-demo', 'edge-fra-01-ingress'),
    },
    {
      kind: 'CNAMERecord',
      namespace: 'fleet-demo',
      name: 'edge-fra-01-grafana',
      recordName: 'grafana.edge-fra-01',
      zone: 'fleet.example.com',
      fqdn: 'grafana.edge-fra-01.fleet.example.com.',
      values: ['ingress.edge-fra-01.fleet.example.com.'],
      synced: true,
      reason: 'ReconcileSucceeded',
      lastUpdated: '2026-03-01T10:00:00Z',
      staleGeneration: true,
      source: dnsSource('CNAMERecord', 'fleet-demo', 'edge-fra-01-grafana'),
    },
    {
      kind: 'TXTRecord',
      namespace: 'fleet-demo',
      name: 'edge-fra-01-owner',
      recordName: '_owner.edge-fra-01',
      zone: 'fleet.example.com',
      fqdn: '_owner.edge-fra-01.fleet.example.com.',
      values: ['team=platform'],
      synced: false,
      reason: 'ReconcileFailed',
      message: 'nsupdate refused: NOTAUTH',
      staleGeneration: false,
      source: dnsSource('TXTRecord', 'fleet-demo', 'edge-fra-01-owner'),
    },
  ],
  virtualMachines: [
    {
      namespace: 'fleet-demo',
      name: 'edge-fra-01-w-2',
      image: 'kairos-ubuntu-latest',
      phase: 'Running',
      node: 'edge-fra-01-w-2',
    },
  ],
  zones: ['fleet.example.com'],
};

const HEALTHY_ID = 'mgmt-eu/kcm-system/core-ams-02';

/** A production cluster where everything matches what is desired. */
export const healthyClusterDetail: ClusterDetail = {
  id: HEALTHY_ID,
  ref: { management: 'mgmt-eu', namespace: 'kcm-system', name: 'core-ams-02' },
  demo: false,
  template: 'vsphere-standalone-cp-1-0-42',
  labels: {},
  health: { state: 'ready', reason: 'Succeeded' },
  k0s: {
    desired: 'v1.31.2+k0s.1',
    exactBuild: 'v1.31.2+k0s.1',
    running: ['v1.31.2+k0s'],
    availableUpgrades: [],
  },
  desiredImage: DESIRED_IMAGE,
  images: [
    {
      reference: DESIRED_IMAGE,
      digest: DESIRED_DIGEST,
      nodes: ['core-ams-02-cp-0', 'core-ams-02-w-0'],
    },
  ],
  nodes: { total: 2, ready: 2, unknownImage: 0 },
  dns: { total: 1, synced: 1 },
  drift: [],
  read: {
    lastSuccessAt: READ_AT,
    lastAttemptAt: READ_AT,
    stale: false,
    failures: [],
  },
  k0sVersions: {
    desired: {
      value: 'v1.31.2+k0s.1',
      source: managementSource(
        'ClusterDeployment',
        'kcm-system',
        'core-ams-02',
        'spec.config.k0s.version',
      ),
    },
    exactBuild: {
      value: 'v1.31.2+k0s.1',
      source: managementSource(
        'K0sControlPlane',
        'kcm-system',
        'core-ams-02-cp',
        'status.version',
      ),
    },
    running: [
      {
        version: 'v1.31.2+k0s',
        nodes: ['core-ams-02-cp-0', 'core-ams-02-w-0'],
        roles: ['control-plane', 'worker'],
      },
    ],
    availableUpgrades: undefined,
  },
  nodeStatuses: [
    kairosNode(HEALTHY_ID, 'core-ams-02-cp-0', {
      role: 'control-plane',
      image: DESIRED_IMAGE,
      kubeletVersion: 'v1.31.2+k0s',
    }),
    kairosNode(HEALTHY_ID, 'core-ams-02-w-0', {
      role: 'worker',
      image: DESIRED_IMAGE,
      kubeletVersion: 'v1.31.2+k0s',
    }),
  ],
  dnsRecords: [
    {
      kind: 'ARecord',
      namespace: 'kcm-system',
      name: 'core-ams-02-api',
      recordName: 'api.core-ams-02',
      zone: 'fleet.example.com',
      fqdn: 'api.core-ams-02.fleet.example.com.',
      values: ['10.30.0.10'],
      synced: true,
      reason: 'ReconcileSucceeded',
      lastUpdated: '2026-03-01T11:00:00Z',
      staleGeneration: false,
      source: dnsSource('ARecord', 'kcm-system', 'core-ams-02-api'),
    },
  ],
  virtualMachines: [],
  zones: ['fleet.example.com'],
};

/** A freshly created cluster: no nodes, no DNS records, nothing desired yet, never read. */
export const emptyClusterDetail: ClusterDetail = {
  id: 'mgmt-eu/kcm-system/new-lis-01',
  ref: { management: 'mgmt-eu', namespace: 'kcm-system', name: 'new-lis-01' },
  demo: false,
  labels: {},
  health: { state: 'progressing', reason: 'Progressing' },
  k0s: { running: [], availableUpgrades: [] },
  images: [],
  nodes: { total: 0, ready: 0, unknownImage: 0 },
  dns: { total: 0, synced: 0 },
  drift: [],
  read: { stale: false, failures: [] },
  k0sVersions: { running: [], availableUpgrades: undefined },
  nodeStatuses: [],
  dnsRecords: [],
  virtualMachines: [],
  zones: [],
};

/**
 * What an older or partial backend might send: required lists absent. Cards must not crash on it.
 * Typed through `unknown` on purpose: it breaks the contract.
 */
export const partialClusterDetail = {
  id: 'mgmt-eu/kcm-system/partial-01',
  ref: { management: 'mgmt-eu', namespace: 'kcm-system', name: 'partial-01' },
  demo: false,
  health: { state: 'unknown' },
  read: { stale: false },
  nodeStatuses: [
    {
      name: 'partial-01-w-0',
      roles: [],
      ready: false,
      kairos: { managed: false },
      image: { known: false, reason: 'node not annotated' },
    },
  ],
} as unknown as ClusterDetail;
