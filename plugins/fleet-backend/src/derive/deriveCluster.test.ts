import {
  aRecord,
  childRead,
  clusterDeployment,
  dnsRead,
  IMAGE_A,
  IMAGE_B,
  mgmtRead,
  node,
  vm,
  vmImage,
} from '../__testUtils__/objects';
import type { KubeObject } from '../reading/KubeReader';
import { ClusterInputs, deriveCluster, toSummary } from './deriveCluster';

function inputs(overrides: Partial<ClusterInputs> = {}): ClusterInputs {
  const images = new Map<string, KubeObject>([
    ['img-a', vmImage('img-a', IMAGE_A)],
    ['img-b', vmImage('img-b', IMAGE_B)],
  ]);
  return {
    management: { id: 'mgmt', demo: false },
    managementRead: mgmtRead,
    clusterDeployment: clusterDeployment('c1', {
      k0s: 'v1.31.2+k0s.1',
      ready: 'True',
      image: 'img-a',
      upgrades: ['vsphere-standalone-cp-1-0-43'],
    }),
    controlPlanes: [
      {
        apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
        kind: 'K0sControlPlane',
        metadata: { name: 'c1-cp', namespace: 'team-a' },
        status: { version: 'v1.31.2-k0s.1' },
      },
    ],
    virtualMachines: [
      vm('c1-cp-1', 'img-a'),
      vm('c1-w-1', 'img-a'),
      vm('c1-w-2', 'img-b'),
    ],
    vmImages: images,
    child: {
      read: childRead,
      nodes: [
        node('c1-cp-1', { roles: ['control-plane'] }),
        node('c1-w-1'),
        node('c1-w-2', { kubelet: 'v1.30.9+k0s', ready: false }),
      ],
      nodeOpUpgrades: [],
      apiServer: { server: 'https://c1.example.com:6443', caData: 'Q0E=' },
    },
    dns: {
      read: dnsRead,
      records: [
        { kind: 'ARecord', object: aRecord('api', { ready: 'True' }) },
        {
          kind: 'ARecord',
          object: aRecord('www', { ready: 'False', reason: 'ZoneNotFound' }),
        },
        {
          kind: 'ARecord',
          object: aRecord('old', { ready: 'True', generation: 3, observed: 2 }),
        },
      ],
      zones: ['example.com'],
    },
    readState: {
      stale: false,
      failures: [],
      lastAttemptAt: mgmtRead.readAt,
      lastSuccessAt: mgmtRead.readAt,
    },
    ...overrides,
  };
}

describe('deriveCluster', () => {
  it('derives versions, images, records and typed drift from what was read', () => {
    const detail = deriveCluster(inputs());
    expect(detail.id).toBe('mgmt/team-a/c1');
    expect(detail.health).toMatchObject({
      state: 'ready',
      reason: 'Succeeded',
    });
    expect(detail.k0s).toEqual({
      desired: 'v1.31.2+k0s.1',
      exactBuild: 'v1.31.2+k0s.1',
      running: ['v1.31.2+k0s', 'v1.30.9+k0s'],
      availableUpgrades: ['vsphere-standalone-cp-1-0-43'],
    });
    expect(detail.k0sVersions.exactBuild?.source).toMatchObject({
      kind: 'K0sControlPlane',
      field: 'status.version',
    });
    expect(detail.desiredImage).toBe(IMAGE_A);
    expect(detail.images).toEqual([
      {
        reference: IMAGE_A,
        digest: `sha256:${'a'.repeat(64)}`,
        nodes: ['c1-cp-1', 'c1-w-1'],
      },
      {
        reference: IMAGE_B,
        digest: `sha256:${'b'.repeat(64)}`,
        nodes: ['c1-w-2'],
      },
    ]);
    expect(detail.nodes).toEqual({ total: 3, ready: 2, unknownImage: 0 });
    expect(detail.dns).toEqual({ total: 3, synced: 1 });
    expect(detail.dnsRecords.map(r => [r.name, r.synced])).toEqual([
      ['old', false],
      ['www', false],
      ['api', true],
    ]);
    expect(detail.dnsRecords[0]).toMatchObject({
      fqdn: 'old.example.com.',
      staleGeneration: true,
    });
    expect(detail.drift).toEqual([
      { type: 'node-image', node: 'c1-w-2', desired: IMAGE_A, actual: IMAGE_B },
      {
        type: 'k0s-version',
        desired: 'v1.31.2+k0s.1',
        running: 'v1.30.9+k0s',
        nodes: ['c1-w-2'],
      },
      {
        type: 'dns-unsynced',
        kind: 'ARecord',
        namespace: 'dns',
        name: 'old',
        fqdn: 'old.example.com.',
        reason: 'StaleGeneration',
      },
      {
        type: 'dns-unsynced',
        kind: 'ARecord',
        namespace: 'dns',
        name: 'www',
        fqdn: 'www.example.com.',
        reason: 'ZoneNotFound',
      },
    ]);
  });

  it('reports a cluster in line with Git as having no drift', () => {
    const detail = deriveCluster(
      inputs({
        virtualMachines: [vm('c1-cp-1', 'img-a'), vm('c1-w-1', 'img-a')],
        child: {
          ...inputs().child!,
          nodes: [
            node('c1-cp-1', { roles: ['control-plane'] }),
            node('c1-w-1'),
          ],
        },
        dns: {
          read: dnsRead,
          records: [
            { kind: 'ARecord', object: aRecord('api', { ready: 'True' }) },
          ],
          zones: ['example.com'],
        },
      }),
    );
    expect(detail.drift).toEqual([]);
  });

  it('flags a control-plane build that differs from the desired one, and a cluster that is not ready', () => {
    const detail = deriveCluster(
      inputs({
        clusterDeployment: clusterDeployment('c1', {
          k0s: 'v1.31.2+k0s.2',
          ready: 'False',
          reason: 'Failed',
          image: 'img-a',
        }),
      }),
    );
    expect(detail.drift).toEqual(
      expect.arrayContaining([
        { type: 'cluster-not-ready', reason: 'Failed', message: 'msg' },
        {
          type: 'k0s-build',
          desired: 'v1.31.2+k0s.2',
          actual: 'v1.31.2+k0s.1',
        },
      ]),
    );
  });

  it('keeps the last good nodes and records when the child or DNS cluster could not be read', () => {
    const good = deriveCluster(inputs());
    const stale = deriveCluster(
      inputs({
        child: undefined,
        dns: undefined,
        previous: good,
        readState: {
          stale: true,
          failures: [
            { reason: 'timeout', message: 't', during: 'x', at: 'now' },
          ],
          lastSuccessAt: good.read.lastSuccessAt,
        },
      }),
    );
    expect(stale.nodeStatuses).toEqual(good.nodeStatuses);
    expect(stale.dnsRecords).toEqual(good.dnsRecords);
    expect(stale.apiServer).toBe('https://c1.example.com:6443');
    expect(stale.read.stale).toBe(true);
  });

  it('survives objects with missing fields', () => {
    const detail = deriveCluster(
      inputs({
        clusterDeployment: { metadata: { name: 'c1', namespace: 'team-a' } },
        controlPlanes: [{}],
        virtualMachines: [{ metadata: { name: 'n1' } }],
        child: {
          read: childRead,
          nodes: [{ metadata: { name: 'n1' } }],
          nodeOpUpgrades: [{}],
          apiServer: { server: 'https://x' },
        },
        dns: {
          read: dnsRead,
          records: [{ kind: 'TXTRecord', object: {} }],
          zones: [],
        },
      }),
    );
    expect(detail.health.state).toBe('unknown');
    expect(detail.nodeStatuses[0]).toMatchObject({
      name: 'n1',
      ready: false,
      kubeletVersion: 'unknown',
      image: { known: false },
    });
    expect(detail.dnsRecords[0]).toMatchObject({
      synced: false,
      reason: 'NoReadyCondition',
    });
  });

  it('leaves per-node and per-record arrays and the CA out of the summary', () => {
    const summary = toSummary(deriveCluster(inputs()));
    expect(Object.keys(summary)).not.toEqual(
      expect.arrayContaining(['nodeStatuses']),
    );
    expect(summary).not.toHaveProperty('dnsRecords');
    expect(summary).not.toHaveProperty('apiServerCaData');
  });
});
