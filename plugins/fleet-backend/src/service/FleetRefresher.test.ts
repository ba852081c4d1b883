import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import { recordingLogger } from '../__testUtils__/recordingLogger';
import { simulatorSecrets } from '../__testUtils__/simulatorSecrets';
import { simulatorRefresher } from '../__testUtils__/simulatorRefresher';
import type { FleetRefresher } from './FleetRefresher';
import type { DatabaseFleetStore } from './DatabaseFleetStore';
import { createTestStore } from '../__testUtils__/testStore';
import { storedDetail } from '../__testUtils__/storedDetail';

jest.setTimeout(60_000);

const refreshers: FleetRefresher[] = [];
afterEach(() => refreshers.splice(0).forEach(r => r.close()));

async function setup(
  sim: FleetSimulator,
  options: { clusterTimeoutMs?: number; pageSize?: number } = {},
) {
  const { store } = await createTestStore();
  const logger = recordingLogger();
  const refresher = simulatorRefresher(sim, store, { ...options, logger });

  refreshers.push(refresher);
  return { store, logger, refresher };
}

async function detail(
  store: DatabaseFleetStore,
  sim: FleetSimulator,
  name: string,
): Promise<ClusterDetail> {
  return storedDetail(store, sim.model.clusters.find(c => c.name === name)!);
}

describe('FleetRefresher against the simulated fleet (TLS, real client)', () => {
  let sim: FleetSimulator;
  beforeAll(async () => {
    sim = await startFleetSimulator({
      clusters: 12,
      tls: true,
      slowMs: 10_000,
    });
  });
  afterAll(() => sim.stop());

  it('reads in this thread when its reader (a worker thread) fails, and says so', async () => {
    const { store } = await createTestStore();
    const logger = recordingLogger();
    const refresher = simulatorRefresher(sim, store, {
      logger,
      reader: {
        readManagement: async () => {
          throw new Error('the fleet reader worker exited with 1');
        },
        close: () => {},
      },
    });
    refreshers.push(refresher);
    const [report] = await refresher.refreshAll();
    expect(report).toMatchObject({ clusters: 12, failedClusters: 0 });
    expect((await store.listClusters()).length).toBe(12);
    expect(logger.lines.join('\n')).toContain(
      'the fleet reader failed (Error: the fleet reader worker exited with 1); reading mgmt in this thread instead',
    );
  });

  it('discovers every ClusterDeployment and derives what the simulator set up, paging through small pages', async () => {
    const { store, refresher } = await setup(sim, { pageSize: 2 });
    const [report] = await refresher.refreshAll();
    expect(report).toMatchObject({
      managementId: 'mgmt',
      clusters: 12,
      failedClusters: 0,
    });
    const summaries = await store.listClusters();
    expect(summaries.map(s => s.ref.name).sort()).toEqual(
      sim.clusterNames().sort(),
    );

    for (const cluster of sim.model.clusters) {
      const d = await detail(store, sim, cluster.name);
      expect(d.read).toMatchObject({ stale: false, failures: [] });
      expect(d.nodeStatuses.map(n => n.name)).toEqual(
        cluster.nodes.map(n => n.name).sort(),
      );
      expect(d.k0s.desired).toBe(
        cluster.desiredK0sVersion.replace('-k0s', '+k0s'),
      );
      expect(d.desiredImage).toBe(cluster.desiredImage);
      expect(d.health.state).toBe(cluster.ready ? 'ready' : 'not-ready');
      expect(d.dns.total).toBe(cluster.dnsRecords.length);
      expect(d.dns.synced).toBe(
        cluster.dnsRecords.filter(r => r.synced).length,
      );
      for (const node of cluster.nodes) {
        const status = d.nodeStatuses.find(n => n.name === node.name)!;
        const pinned = node.runningImage.includes('@sha256:');
        expect(status.image).toMatchObject(
          pinned
            ? { known: true, reference: node.runningImage }
            : { known: false },
        );
        expect(status.kubeletVersion).toBe(node.kubeletVersion);
      }
      const types = new Set(d.drift.map(f => f.type));
      const has = (scenario: string) =>
        cluster.scenarios.includes(scenario as any);
      const required = [
        has('node-image-drift') && 'node-image',
        has('kubelet-drift') && 'k0s-version',
        has('build-drift') && 'k0s-build',
        has('not-ready') && 'cluster-not-ready',
        has('unknown-digest') && 'node-image-unknown',
        cluster.scenarios.some(sc => sc.startsWith('dns-')) && 'dns-unsynced',
      ].filter((t): t is string => !!t);
      expect([...types]).toEqual(expect.arrayContaining(required));
      expect(
        has('dash-spelling') && !has('build-drift') && types.has('k0s-build'),
      ).toBe(false);
      // Services fail on healthy clusters too (by place in the fleet, not by scenario).
      const failedServices = (
        sim.objects('mgmt').get({
          apiVersion: 'k0rdent.mirantis.com/v1beta1',
          kind: 'ClusterDeployment',
          namespace: cluster.namespace,
          name: cluster.name,
        })!.status as any
      ).services.filter((s: any) => s.state === 'Failed');
      expect(d.drift.filter(f => f.type === 'service-failed')).toHaveLength(
        failedServices.length,
      );
      types.delete('service-failed');
      const healthyOnly = cluster.scenarios.every(sc => sc === 'healthy');
      expect(healthyOnly && types.size > 0).toBe(false);
    }
  });

  it.each([
    ['down', 'unreachable'],
    ['unauthorized', 'unauthorized'],
    ['forbidden', 'forbidden'],
    ['server-error', 'server-error'],
    ['malformed', 'malformed-response'],
    ['paging-breaks', 'server-error'],
    ['kubeconfig-exec', 'kubeconfig-rejected'],
    ['kubeconfig-missing', 'kubeconfig-missing'],
    ['slow', 'timeout'],
  ] as const)(
    'reports a %s cluster with reason %s, keeps its last good data stale, and recovers',
    async (fault, reason) => {
      const { store, refresher } = await setup(
        sim,
        fault === 'paging-breaks'
          ? { clusterTimeoutMs: 5_000, pageSize: 2 }
          : { clusterTimeoutMs: 1_500 },
      );
      const [victim, bystander] = sim.clusterNames();
      await refresher.refreshAll();
      const good = await detail(store, sim, victim);

      sim.setFault(victim, fault);
      try {
        await refresher.refreshAll();
        const failed = await detail(store, sim, victim);
        expect(failed.read.stale).toBe(true);
        expect(failed.read.failures).toEqual([
          expect.objectContaining({ reason }),
        ]);
        expect(failed.read.lastSuccessAt).toBe(good.read.lastSuccessAt);
        expect(failed.nodeStatuses).toEqual(good.nodeStatuses);
        expect((await detail(store, sim, bystander)).read).toMatchObject({
          stale: false,
          failures: [],
        });
      } finally {
        sim.setFault(victim, undefined);
      }
      await refresher.refreshAll();
      const recovered = await detail(store, sim, victim);
      expect(recovered.read).toMatchObject({ stale: false, failures: [] });
    },
  );

  it('reports nodes lacking fields as incomplete, with current (not stale) data', async () => {
    const { store, refresher } = await setup(sim);
    const [victim] = sim.clusterNames();
    sim.setFault(victim, 'missing-fields');
    try {
      await refresher.refreshAll();
      const d = await detail(store, sim, victim);
      expect(d.read.stale).toBe(false);
      expect(d.read.failures).toEqual([
        expect.objectContaining({ reason: 'incomplete-objects' }),
      ]);
      expect(d.nodeStatuses.some(n => n.kubeletVersion === 'unknown')).toBe(
        true,
      );
    } finally {
      sim.setFault(victim, undefined);
    }
  });

  it('sees a node move to a new image after one refresh', async () => {
    const { store, refresher } = await setup(sim);
    const cluster = sim.model.clusters.find(c =>
      c.scenarios.includes('healthy'),
    )!;
    const node = cluster.nodes[cluster.nodes.length - 1];
    await refresher.refreshAll();
    const newImage = `registry.example.com/kairos/test@sha256:${'c'.repeat(
      64,
    )}`;
    sim.setNodeImage(cluster.name, node.name, newImage);
    await refresher.refreshAll();
    const d = await detail(store, sim, cluster.name);
    expect(d.nodeStatuses.find(n => n.name === node.name)!.image).toMatchObject(
      { known: true, reference: newImage },
    );
    expect(d.drift).toContainEqual({
      type: 'node-image',
      node: node.name,
      desired: cluster.desiredImage,
      actual: newImage,
    });
  });

  it('marks every cluster stale when the management cluster cannot be read, and DNS failures per cluster', async () => {
    const { store, refresher } = await setup(sim);
    await refresher.refreshAll();
    const broken = simulatorRefresher(sim, store, { token: 'wrong' });

    refreshers.push(broken);
    const [report] = await broken.refreshAll();
    expect(report.failure).toMatchObject({ reason: 'unauthorized' });
    const all = await store.listClusters();
    expect(all).toHaveLength(12);
    expect(
      all.every(
        c => c.read.stale && c.read.failures[0].reason === 'unauthorized',
      ),
    ).toBe(true);
    expect(
      (await store.listSources()).find(s => s.scope === 'management')?.failure
        ?.reason,
    ).toBe('unauthorized');
  });

  it('never lets a credential reach the stored fleet or the logs', async () => {
    const { store, logger, refresher } = await setup(sim);
    sim.setFault(sim.clusterNames()[1], 'kubeconfig-exec');
    try {
      await refresher.refreshAll();
    } finally {
      sim.setFault(sim.clusterNames()[1], undefined);
    }
    const everything =
      JSON.stringify([
        await store.listClusters(),
        await store.listClusterDetailJson('mgmt'),
        await store.listInventory(),
        await store.listSources(),
      ]) + logger.lines.join('\n');
    const secrets = simulatorSecrets(sim);
    expect(secrets.length).toBeGreaterThan(10);
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});
