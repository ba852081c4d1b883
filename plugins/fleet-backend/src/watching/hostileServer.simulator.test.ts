import {
  startFleetSimulator,
  type FleetFault,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import { simulatorTargets } from '../__testUtils__/simulatorTargets';
import { recordingLogger } from '../__testUtils__/recordingLogger';
import { storedDetail } from '../__testUtils__/storedDetail';
import { createTestStore } from '../__testUtils__/testStore';
import { LiveFleet } from './LiveFleet';
import v8 from 'node:v8';
import vm from 'node:vm';

/** The heap in use after a full collection: what is held, not garbage yet to be collected. */
function heldHeap(): number {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const until = async (
  what: string,
  check: () => Promise<boolean>,
  ms = 30_000,
) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
};

const nodesWatch = (d: ClusterDetail) =>
  d.read.watch?.find(w => w.resource.startsWith('nodes of cluster'));

/**
 * API servers that misbehave on the watch stream, or hold far too much: each is reported for
 * its cluster with a reason, memory stays bounded, and every other cluster stays live.
 */
describe('a watched fleet with hostile API servers', () => {
  let sim: FleetSimulator;
  let live: LiveFleet;

  beforeAll(async () => {
    sim = await startFleetSimulator({
      clusters: 8,
      nodesPerCluster: 3,
      tls: true,
    });
  });
  afterAll(async () => {
    await live?.stop();
    await sim.stop();
  });

  it('reports each hostile cluster with its reason and keeps the rest live', async () => {
    const [drip, endless, malformed, outOfOrder, huge, healthy] =
      sim.model.clusters;
    const faults: Array<[typeof drip, FleetFault]> = [
      [drip, 'watch-drip'],
      [endless, 'watch-endless-event'],
      [malformed, 'watch-malformed-event'],
      [outOfOrder, 'watch-out-of-order'],
    ];
    for (const [cluster, fault] of faults) sim.setFault(cluster.name, fault);
    // 10,000 nodes: far more than this reader is allowed to hold for one cluster.
    const template = sim.objects(huge.name).list({ kind: 'Node' })[0];
    for (let i = 0; i < 10_000; i++)
      sim.objects(huge.name).upsert({
        ...template,
        metadata: {
          ...template.metadata,
          name: `extra-${i}`,
          uid: undefined,
          resourceVersion: undefined,
        },
      });

    const { store } = await createTestStore();
    const heapBefore = heldHeap();
    live = new LiveFleet({
      ...simulatorTargets(sim),
      store,
      logger: recordingLogger(),
      clusterTimeoutMs: 5_000,
      concurrency: 4,
      pageSize: 500,
      watch: {
        debounceMs: 20,
        maxObjects: 5_000,
        pollIntervalMs: 500,
        backoff: { initialMs: 50, maxMs: 300 },
        limits: {
          maxEventBytes: 1024 * 1024,
          eventTimeoutMs: 1_500,
          idleTimeoutMs: 30_000,
        },
      },
    });
    await live.start();

    const polledBecause = async (cluster: typeof drip, reason: string) =>
      until(`${cluster.name} polled because ${reason}`, async () => {
        const detail = await storedDetail(store, cluster).catch(
          () => undefined,
        );
        const w = detail && nodesWatch(detail);
        return w?.phase === 'polling' && w.reason === reason;
      });
    await polledBecause(drip, 'stalled');
    await polledBecause(endless, 'event-too-large');
    await polledBecause(malformed, 'malformed-event');
    await polledBecause(outOfOrder, 'malformed-event');
    expect(nodesWatch(await storedDetail(store, outOfOrder))?.message).toMatch(
      /went back in time/,
    );
    expect(nodesWatch(await storedDetail(store, endless))?.message).toMatch(
      /larger than 1048576 bytes/,
    );
    // Polled clusters still show their nodes, current as of the last list.
    for (const cluster of [drip, endless, malformed, outOfOrder])
      expect((await storedDetail(store, cluster)).nodeStatuses).toHaveLength(3);

    await until(
      'the huge cluster reported',
      async () =>
        (
          await storedDetail(store, huge).catch(() => undefined)
        )?.read.failures.some(f => f.reason === 'too-large') ?? false,
    );
    const hugeDetail = await storedDetail(store, huge);
    expect(
      hugeDetail.read.failures.find(f => f.reason === 'too-large')?.message,
    ).toMatch(/more than 5000 objects/);

    // The endless event has been streaming all along; what the reader holds stays bounded.
    await sleep(2_000);
    const grown = heldHeap() - heapBefore;
    expect(grown).toBeLessThan(64 * 1024 * 1024);

    // A healthy cluster is still watched: a change shows at once.
    const fine = await storedDetail(store, healthy);
    expect(nodesWatch(fine)?.phase).toBe('watching');
    expect(fine.read.failures).toEqual([]);
    const node = sim.objects(healthy.name).list({ kind: 'Node' })[0];
    sim
      .objects(healthy.name)
      .delete({ apiVersion: 'v1', kind: 'Node', name: node.metadata.name });
    await until(
      'the healthy cluster follows a change',
      async () =>
        (await storedDetail(store, healthy)).nodeStatuses.length === 2,
      5_000,
    );
  });
});
