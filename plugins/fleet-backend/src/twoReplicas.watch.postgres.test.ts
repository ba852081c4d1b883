import type { TestBackend } from '@backstage/backend-test-utils';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import request from 'supertest';
import { dropDatabases, requirePostgres } from './__testUtils__/postgres';
import { startPostgresReplica } from './__testUtils__/startPostgresReplica';

jest.setTimeout(120_000);

const LEASE_MS = 1_500;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const digest = (c: string) => `sha256:${c.repeat(64)}`;

/**
 * Two replicas in watch mode on one real PostgreSQL: exactly one holds the watches, both serve
 * what it stores, and when it stops the other takes the lease and changes flow again.
 */
describe('two fleet backend replicas watching on PostgreSQL', () => {
  const prefix = `fleet_watchers_${process.pid}_${Date.now() % 100000}_`;
  let sim: FleetSimulator;
  const backends: Array<TestBackend | undefined> = [];
  const logs: string[][] = [[], []];

  beforeAll(async () => {
    await requirePostgres();
    sim = await startFleetSimulator({ clusters: 6, latencyMs: 10, tls: true });
  });

  afterAll(async () => {
    await Promise.all(backends.map(b => b?.stop().catch(() => {})));
    await sim?.stop();
    await dropDatabases(prefix).catch(() => {});
  });

  async function startReplica(index: number): Promise<TestBackend> {
    const backend = await startPostgresReplica({
      prefix,
      sim,
      log: logs[index],
      refresh: {
        mode: 'watch',
        clusterTimeout: { seconds: 3 },
        watch: {
          lease: { milliseconds: LEASE_MS },
          debounce: { milliseconds: 20 },
        },
      },
    });
    backends[index] = backend;
    return backend;
  }

  const holders = () =>
    [0, 1].filter(i => logs[i].some(l => /holds the fleet's watches/.test(l)));

  async function nodeDigest(
    backend: TestBackend,
    cluster: { namespace: string; name: string },
    node: string,
  ): Promise<string | undefined> {
    const res = await request(backend.server).get(
      `/api/fleet/clusters/mgmt/${cluster.namespace}/${cluster.name}`,
    );
    if (res.status !== 200) return undefined;
    const image = (res.body as ClusterDetail).nodeStatuses.find(
      n => n.name === node,
    )?.image;
    return image?.known ? image.digest : undefined;
  }

  async function until(what: string, check: () => Promise<boolean>) {
    const deadline = Date.now() + 30_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
      await sleep(25);
    }
  }

  it('one replica watches, both serve, and the other takes over when it stops', async () => {
    await startReplica(0);
    await startReplica(1);
    await until('a watching replica', async () => holders().length > 0);
    await sleep(LEASE_MS * 2);
    expect(holders()).toHaveLength(1);
    const [leader] = holders();
    const follower = 1 - leader;
    // Every open watch is the leader's: one per resource per cluster (6 clusters × nodes and
    // NodeOpUpgrades, and the management and DNS clusters' resources), not two.
    const watches = sim.openWatchCount();
    expect(watches).toBeGreaterThan(12);

    const cluster = sim.model.clusters[2];
    const node = sim.objects(cluster.name).list({ kind: 'Node' })[0]
      .metadata.name;
    sim.setNodeImage(cluster.name, node, `registry.example/k@${digest('d')}`);
    await until(
      'the change on the follower',
      async () =>
        (await nodeDigest(backends[follower]!, cluster, node)) === digest('d'),
    );
    expect(sim.openWatchCount()).toBe(watches);

    await backends[leader]!.stop();
    backends[leader] = undefined;
    const stoppedAt = Date.now();
    sim.setNodeImage(cluster.name, node, `registry.example/k@${digest('e')}`);
    await until(
      'the change after the failover',
      async () =>
        (await nodeDigest(backends[follower]!, cluster, node)) === digest('e'),
    );
    const gapMs = Date.now() - stoppedAt;
    expect(holders()).toContain(follower);
    // The survivor takes the lease within a third of its lifetime of its release, then lists.
    expect(gapMs).toBeLessThan(LEASE_MS + 10_000);
    // The survivor opens the same watches, one per resource per cluster (the last ones just
    // after the first full sync is stored), and no more.
    await until(
      'every watch open again',
      async () => sim.openWatchCount() === watches,
    );
    await sleep(LEASE_MS);
    expect(sim.openWatchCount()).toBe(watches);
  });
});
