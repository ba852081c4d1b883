import type {
  ClusterDetail,
  SourceStatus,
} from '@fleet-portal/plugin-fleet-common';
import {
  childRead,
  clusterDeployment,
  IMAGE_A,
  IMAGE_B,
  mgmtRead,
  node,
  vm,
  vmImage,
} from '../__testUtils__/objects';
import { createTestStore } from '../__testUtils__/testStore';
import { deriveCluster } from '../derive/deriveCluster';
import { stateAt } from '../history/stateAt';
import { DatabaseFleetStore } from './DatabaseFleetStore';
import type { KubeObject } from '../reading/KubeReader';

const source = (at: string): SourceStatus => ({
  id: 'mgmt',
  scope: 'management',
  demo: false,
  lastSuccessAt: at,
});

/** A cluster observed at `at` with the given nodes (name → VMImage name). */
function observe(at: string, nodes: Record<string, string>): ClusterDetail {
  const images = new Map<string, KubeObject>([
    ['img-a', vmImage('img-a', IMAGE_A)],
    ['img-b', vmImage('img-b', IMAGE_B)],
  ]);
  return deriveCluster({
    management: { id: 'mgmt', demo: false },
    managementRead: { ...mgmtRead, readAt: at },
    clusterDeployment: clusterDeployment('c1', {
      k0s: 'v1.31.2+k0s.0',
      ready: 'True',
      image: 'img-a',
    }),
    controlPlanes: [],
    virtualMachines: Object.entries(nodes).map(([name, image]) =>
      vm(name, image),
    ),
    vmImages: images,
    child: {
      read: { ...childRead, readAt: at },
      nodes: Object.keys(nodes).map(name => node(name)),
      nodeOpUpgrades: [],
      apiServer: { server: 'https://c1' },
    },
    readState: {
      stale: false,
      failures: [],
      lastAttemptAt: at,
      lastSuccessAt: at,
    },
  });
}

const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-01T11:00:00.000Z';
const T3 = '2026-11-01T12:00:00.000Z';
const T4 = '2026-11-01T13:00:00.000Z';

describe('DatabaseFleetStore', () => {
  it('compares with clusters stored before the facts column existed through their detail', async () => {
    const { store, db } = await createTestStore();
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T1, { n1: 'img-a', n2: 'img-a' })],
      source(T1),
    );
    // As a row written by the previous version of the plugin: no facts.
    await db('fleet_clusters').update({ facts: null });
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T2, { n1: 'img-b' })],
      source(T2),
    );
    const changes = await store.listHistory({
      clusterId: 'mgmt/team-a/c1',
      from: T2,
    });
    expect(
      changes.map(e => [e.kind, e.subject, e.previous, e.value]).sort(),
    ).toEqual(
      [
        [
          'node-image',
          'n1',
          expect.stringContaining('sha256'),
          expect.stringContaining('sha256'),
        ],
        ['node-image', 'n2', expect.any(String), undefined],
        ['node-presence', 'n2', 'present', undefined],
        ['node-version', 'n2', expect.any(String), undefined],
      ].sort(),
    );
    const stored = await db('fleet_clusters').first('facts');
    expect(JSON.parse(stored.facts)).toContainEqual([
      'node-presence',
      'n1',
      'present',
    ]);
  });

  it('records the first observation, then only changes, and rebuilds the state at any time', async () => {
    const { store } = await createTestStore();
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T1, { n1: 'img-a', n2: 'img-a' })],
      source(T1),
    );
    const first = await store.listHistory({ clusterId: 'mgmt/team-a/c1' });
    expect(
      first
        .filter(e => e.kind === 'node-presence')
        .map(e => e.subject)
        .sort(),
    ).toEqual(['n1', 'n2']);
    expect(
      first.every(e => e.observedAt === T1 && e.previous === undefined),
    ).toBe(true);

    // Nothing changed: not a single row.
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T2, { n1: 'img-a', n2: 'img-a' })],
      source(T2),
    );
    expect(
      await store.listHistory({ clusterId: 'mgmt/team-a/c1' }),
    ).toHaveLength(first.length);

    // n2 moves to image B, n3 joins.
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T3, { n1: 'img-a', n2: 'img-b', n3: 'img-a' })],
      source(T3),
    );
    const atT3 = await store.listHistory({
      clusterId: 'mgmt/team-a/c1',
      from: T3,
    });
    expect(
      atT3
        .map(
          e =>
            `${e.kind} ${e.subject} ${e.previous ?? '-'} → ${e.value ?? '-'}`,
        )
        .sort(),
    ).toEqual([
      `node-image n2 ${IMAGE_A} → ${IMAGE_B}`,
      `node-image n3 - → ${IMAGE_A}`,
      'node-presence n3 - → present',
      'node-version n3 - → v1.31.2+k0s',
    ]);
    expect(atT3.find(e => e.subject === 'n2')!.source).toMatchObject({
      kind: 'VMImage',
      name: 'img-b',
    });

    // n1 leaves.
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T4, { n2: 'img-b', n3: 'img-a' })],
      source(T4),
    );
    const left = await store.listHistory({
      clusterId: 'mgmt/team-a/c1',
      node: 'n1',
      from: T4,
    });
    expect(left.map(e => [e.kind, e.value])).toEqual(
      expect.arrayContaining([['node-presence', undefined]]),
    );

    const all = await store.listHistory({ clusterId: 'mgmt/team-a/c1' });
    const before = stateAt('mgmt/team-a/c1', '2026-11-01T11:30:00.000Z', all);
    expect(before.nodes.map(n => [n.name, n.image?.value])).toEqual([
      ['n1', IMAGE_A],
      ['n2', IMAGE_A],
    ]);
    const after = stateAt('mgmt/team-a/c1', T4, all);
    expect(
      after.nodes.map(n => [n.name, n.image?.value, n.image?.since]),
    ).toEqual([
      ['n2', IMAGE_B, T3],
      ['n3', IMAGE_A, T3],
    ]);
    expect(after.health).toEqual({ value: 'ready (Succeeded)', since: T1 });
  });

  it('filters history by node, kind and time', async () => {
    const { store } = await createTestStore();
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T1, { n1: 'img-a', n2: 'img-a' })],
      source(T1),
    );
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T2, { n1: 'img-b', n2: 'img-a' })],
      source(T2),
    );
    expect(
      (
        await store.listHistory({ clusterId: 'mgmt/team-a/c1', node: 'n1' })
      ).every(e => e.subject === 'n1'),
    ).toBe(true);
    expect(
      await store.listHistory({
        clusterId: 'mgmt/team-a/c1',
        kinds: ['node-image'],
        from: T2,
      }),
    ).toEqual([
      expect.objectContaining({
        subject: 'n1',
        previous: IMAGE_A,
        value: IMAGE_B,
        observedAt: T2,
      }),
    ]);
    expect(
      await store.listHistory({
        clusterId: 'mgmt/team-a/c1',
        to: '2026-01-01T00:00:00.000Z',
      }),
    ).toEqual([]);
  });

  it('records a cluster that disappears and keeps the baseline when pruning', async () => {
    const { store } = await createTestStore();
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T1, { n1: 'img-a' })],
      source(T1),
    );
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T2, { n1: 'img-b' })],
      source(T2),
    );
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T3, { n1: 'img-a' })],
      source(T3),
    );
    const removed = await store.pruneHistory('2026-11-01T11:30:00.000Z');
    expect(removed).toBe(1); // the T1 image entry, superseded by T2 before the cutoff
    const all = await store.listHistory({ clusterId: 'mgmt/team-a/c1' });
    expect(
      stateAt('mgmt/team-a/c1', '2026-11-01T11:45:00.000Z', all).nodes[0].image
        ?.value,
    ).toBe(IMAGE_B);

    await store.saveManagementSnapshot('mgmt', [], source(T4));
    expect(await store.listClusters()).toEqual([]);
    expect(
      stateAt(
        'mgmt/team-a/c1',
        T4,
        await store.listHistory({ clusterId: 'mgmt/team-a/c1' }),
      ).nodes,
    ).toEqual([]);
  });

  it('serves what another instance wrote, reloading only when the version moves', async () => {
    const { store, db } = await createTestStore();
    const other = await DatabaseFleetStore.create(db);
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T1, { n1: 'img-a' })],
      source(T1),
    );
    expect((await other.listClusters()).map(c => c.id)).toEqual([
      'mgmt/team-a/c1',
    ]);
    expect(
      await other.getCluster({
        management: 'mgmt',
        namespace: 'team-a',
        name: 'c1',
      }),
    ).toMatchObject({ nodes: { total: 1 } });
    const firstRead = await other.listClusters();
    expect(await other.listClusters()).toBe(firstRead);
    await store.saveManagementSnapshot(
      'mgmt',
      [observe(T2, { n1: 'img-a', n2: 'img-a' })],
      source(T2),
    );
    expect(
      (
        await other.getCluster({
          management: 'mgmt',
          namespace: 'team-a',
          name: 'c1',
        })
      )?.nodes.total,
    ).toBe(2);
  });
});
