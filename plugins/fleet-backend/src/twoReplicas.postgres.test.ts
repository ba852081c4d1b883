import type { TestBackend } from '@backstage/backend-test-utils';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import request from 'supertest';
import { dropDatabases, requirePostgres } from './__testUtils__/postgres';
import { startPostgresReplica } from './__testUtils__/startPostgresReplica';

jest.setTimeout(120_000);

const FREQUENCY_MS = 2_000;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Two backend replicas on one real PostgreSQL, with Backstage's own scheduler: one refresh per
 * interval across both, both serve the same fleet, and when the refreshing replica dies
 * mid-refresh nothing is lost and the other one takes over.
 */
describe('two fleet backend replicas on PostgreSQL', () => {
  const prefix = `fleet_replicas_${process.pid}_${Date.now() % 100000}_`;
  let sim: FleetSimulator;
  const backends: TestBackend[] = [];
  const logs: string[][] = [[], []];

  beforeAll(async () => {
    await requirePostgres();
    sim = await startFleetSimulator({ clusters: 6, latencyMs: 20, tls: true });
  });

  afterAll(async () => {
    await Promise.all(backends.map(b => b.stop().catch(() => {})));
    await sim?.stop();
    await dropDatabases(prefix).catch(() => {});
  });

  async function startReplica(index: number): Promise<TestBackend> {
    const backend = await startPostgresReplica({
      prefix,
      sim,
      log: logs[index],
      refresh: {
        frequency: { milliseconds: FREQUENCY_MS },
        timeout: { seconds: 4 },
        clusterTimeout: { seconds: 3 },
      },
    });
    backends[index] = backend;
    return backend;
  }

  const completed = (lines: string[]) =>
    lines.filter(l => /^info Fleet: read \d+ clusters of mgmt/.test(l)).length;
  const started = (lines: string[]) =>
    lines.filter(l => l === 'info Fleet: refreshing management cluster mgmt')
      .length;

  it('refreshes once per interval across both, serves the same data, and survives losing a replica mid-refresh', async () => {
    const a = await startReplica(0);
    const b = await startReplica(1);

    // Let several intervals pass.
    const windowStart = Date.now();
    await sleep(FREQUENCY_MS * 4 + 500);
    const windowMs = Date.now() - windowStart;
    const runs = started(logs[0]) + started(logs[1]);
    expect(runs).toBeGreaterThanOrEqual(2);
    // One run per interval (plus the one each replica may claim right at start-up, never both).
    expect(runs).toBeLessThanOrEqual(Math.ceil(windowMs / FREQUENCY_MS) + 1);

    const fromA = await request(a.server).get('/api/fleet/clusters');
    const fromB = await request(b.server).get('/api/fleet/clusters');
    expect(fromA.status).toBe(200);
    expect(fromA.body.items).toHaveLength(6);
    expect(
      fromB.body.items.map((c: any) => [c.id, c.read.lastSuccessAt]),
    ).toEqual(fromA.body.items.map((c: any) => [c.id, c.read.lastSuccessAt]));

    // Slow the fleet down so a refresh takes a while, and stop whichever replica is in one.
    sim.setLatency(400);
    let victim = -1;
    for (let i = 0; i < 100 && victim < 0; i++) {
      await sleep(50);
      victim = [0, 1].find(r => started(logs[r]) > completed(logs[r])) ?? -1;
    }
    expect(victim).toBeGreaterThanOrEqual(0);
    const survivor = 1 - victim;
    const before = (
      await request(backends[survivor].server).get('/api/fleet/clusters')
    ).body.items;
    await backends[victim].stop();
    sim.setLatency(20);

    // Nothing is lost: the survivor still serves the full last snapshot …
    const during = (
      await request(backends[survivor].server).get('/api/fleet/clusters')
    ).body.items;
    expect(during.map((c: any) => c.id)).toEqual(before.map((c: any) => c.id));
    expect(during).toHaveLength(6);

    // … and takes over the refresh once the dead replica's claim expires.
    const doneBefore = completed(logs[survivor]);
    for (let i = 0; i < 150 && completed(logs[survivor]) === doneBefore; i++)
      await sleep(100);
    expect(completed(logs[survivor])).toBeGreaterThan(doneBefore);
    const after = (
      await request(backends[survivor].server).get('/api/fleet/clusters')
    ).body.items;
    expect(after).toHaveLength(6);
    expect(after.every((c: any) => c.read.stale === false)).toBe(true);
    expect(after[0].read.lastSuccessAt > before[0].read.lastSuccessAt).toBe(
      true,
    );
  });
});
