import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  FLEET_FAULTS,
  startFleetSimulator,
  type FleetFault,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import type {
  ClusterDetail,
  ClusterSummary,
  ReadFailureReason,
} from '@fleet-portal/plugin-fleet-common';
import express from 'express';
import request from 'supertest';
import { createTestStore } from './__testUtils__/testStore';
import { simulatorRefresher } from './__testUtils__/simulatorRefresher';
import { createRouter } from './router';

jest.setTimeout(120_000);

/** Faults a polling read sees (watch faults change nothing for a list). */
type ReadFault = Exclude<FleetFault, 'watch-refused' | `watch-${string}`>;
const READ_FAULTS = FLEET_FAULTS.filter(
  (f): f is ReadFault => !f.startsWith('watch-'),
);

/** The reason each simulated fault must be reported with. */
const EXPECTED_REASON: Record<ReadFault, ReadFailureReason> = {
  down: 'unreachable',
  slow: 'timeout',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  'server-error': 'server-error',
  malformed: 'malformed-response',
  'missing-fields': 'incomplete-objects',
  'paging-breaks': 'server-error',
  'kubeconfig-exec': 'kubeconfig-rejected',
  'kubeconfig-missing': 'kubeconfig-missing',
};

const CLUSTER_TIMEOUT_MS = 2_000;

/**
 * 100 clusters, 20 of which fail in every way the simulator knows. The API keeps answering for
 * the healthy 80 with correct data, each faulty cluster carries its own reason and keeps its
 * last good data marked stale, and a cluster that recovers is fresh after the next refresh.
 */
describe('fault suite: 100 clusters, 20 failing', () => {
  let sim: FleetSimulator;
  beforeAll(async () => {
    sim = await startFleetSimulator({
      clusters: 100,
      nodesPerCluster: 3,
      tls: true,
      slowMs: 20_000,
    });
  });
  afterAll(() => sim.stop());

  it('isolates every failure to its cluster and recovers', async () => {
    const { store } = await createTestStore();
    const refresher = simulatorRefresher(sim, store, {
      clusterTimeoutMs: CLUSTER_TIMEOUT_MS,
      concurrency: 16,
      pageSize: 2,
    });

    const app = express().use(
      '/api/fleet',
      await createRouter({
        httpAuth: { credentials: async () => ({}) } as any,
        permissions: {
          authorizeConditional: async (r: unknown[]) =>
            r.map(() => ({ result: AuthorizeResult.ALLOW })),
        } as any,
        store,
      }),
    );
    const detail = async (c: ClusterSummary): Promise<ClusterDetail> =>
      (await request(app).get(`/api/fleet/clusters/${c.id}`)).body;

    await refresher.refreshAll();
    const good = new Map<string, ClusterDetail>();
    for (const c of (await request(app).get('/api/fleet/clusters')).body
      .items as ClusterSummary[])
      good.set(c.ref.name, await detail(c));
    expect(good.size).toBe(100);

    // 20 clusters: each of the simulator's fault kinds on two of them.
    const names = sim.clusterNames();
    const faulty = new Map<string, ReadFault>();
    READ_FAULTS.forEach((fault, i) => {
      faulty.set(names[i * 5], fault);
      faulty.set(names[i * 5 + 2], fault);
    });
    expect(faulty.size).toBe(20);
    for (const [name, fault] of faulty) sim.setFault(name, fault);

    const started = Date.now();
    const [report] = await refresher.refreshAll();
    const took = Date.now() - started;
    // The slow clusters cost one per-cluster timeout, in parallel; nothing waits for them twice.
    expect(took).toBeLessThan(CLUSTER_TIMEOUT_MS * 3 + 5_000);
    expect(report.clusters).toBe(100);

    const items = (await request(app).get('/api/fleet/clusters')).body
      .items as ClusterSummary[];
    expect(items).toHaveLength(100);
    const observed: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const summary of items) {
      const name = summary.ref.name;
      const d = await detail(summary);
      const before = good.get(name)!;
      const fault = faulty.get(name);
      const current = !fault || fault === 'missing-fields';
      observed[name] = {
        reasons: d.read.failures.map(f => f.reason),
        stale: d.read.stale,
        lastSuccessAt:
          d.read.lastSuccessAt === before.read.lastSuccessAt ? 'kept' : 'new',
        nodes: d.nodeStatuses.map(n => n.name),
        images:
          fault === 'missing-fields'
            ? 'partial'
            : d.nodeStatuses.map(n =>
                n.image.known ? n.image.reference : n.image.reason,
              ),
      };
      expected[name] = {
        reasons: fault ? [EXPECTED_REASON[fault]] : [],
        stale: !current,
        lastSuccessAt: current ? 'new' : 'kept',
        nodes: before.nodeStatuses.map(n => n.name),
        images:
          fault === 'missing-fields'
            ? 'partial'
            : before.nodeStatuses.map(n =>
                n.image.known ? n.image.reference : n.image.reason,
              ),
      };
    }
    expect(observed).toEqual(expected);

    for (const name of faulty.keys()) sim.setFault(name, undefined);
    await refresher.refreshAll();
    refresher.close();
    const recovered = (await request(app).get('/api/fleet/clusters')).body
      .items as ClusterSummary[];
    expect(
      recovered
        .filter(c => c.read.stale || c.read.failures.length > 0)
        .map(c => c.ref.name),
    ).toEqual([]);
  });
});
