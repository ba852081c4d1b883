import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import { simulatorTargets } from '../__testUtils__/simulatorTargets';
import { recordingLogger } from '../__testUtils__/recordingLogger';
import { simulatorRefresher } from '../__testUtils__/simulatorRefresher';
import { storedDetail } from '../__testUtils__/storedDetail';
import { createTestStore } from '../__testUtils__/testStore';
import { detailContent } from '../signals/detailContent';
import { LiveFleet } from './LiveFleet';

jest.setTimeout(90_000);

const until = async (
  what: string,
  check: () => Promise<boolean>,
  ms = 15_000,
) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 25));
  }
};

const DIGEST = `sha256:${'c'.repeat(64)}`;

/** The watched fleet against the simulator over TLS, with the real client and a real store. */
describe('LiveFleet', () => {
  let sim: FleetSimulator;
  let live: LiveFleet | undefined;

  beforeAll(async () => {
    sim = await startFleetSimulator({
      clusters: 12,
      nodesPerCluster: 3,
      tls: true,
      latencyMs: 5,
      bookmarkIntervalMs: 500,
    });
  });
  afterEach(async () => {
    await live?.stop();
    live = undefined;
    for (const name of sim.clusterNames()) sim.setFault(name, undefined);
  });
  afterAll(() => sim.stop());

  async function startLive(onChange?: (ids: string[]) => void) {
    const { store } = await createTestStore();
    live = new LiveFleet({
      ...simulatorTargets(sim),
      store,
      logger: recordingLogger(),
      clusterTimeoutMs: 3_000,
      concurrency: 4,
      pageSize: 5,
      watch: {
        debounceMs: 20,
        pollIntervalMs: 300,
        backoff: { initialMs: 50, maxMs: 500 },
      },
      onChange,
    });
    await live.start();
    await until(
      'the first sync',
      async () => (await store.listClusters()).length === 12,
    );
    await live.idle();
    return store;
  }

  it('holds the same fleet a refresh reads, and applies a node change to its cluster only', async () => {
    const changes: string[][] = [];
    const store = await startLive(ids => changes.push(ids));
    const { store: polled } = await createTestStore();
    await simulatorRefresher(sim, polled).refreshAll();
    for (const cluster of sim.model.clusters) {
      const { watch, ...watchedRead } = (await storedDetail(store, cluster))
        .read;
      const watched = {
        ...(await storedDetail(store, cluster)),
        read: watchedRead,
      };
      expect(watch?.map(w => w.phase)).toEqual(['watching', 'watching']);
      const read = await storedDetail(polled, cluster);
      expect(detailContent(JSON.stringify(watched))).toEqual(
        detailContent(JSON.stringify(read)),
      );
    }

    changes.length = 0;
    const cluster = sim.model.clusters[3];
    const nodeName = sim.objects(cluster.name).list({ kind: 'Node' })[1]
      .metadata.name;
    sim.setNodeImage(
      cluster.name,
      nodeName,
      `registry.example/kairos/core@${DIGEST}`,
    );
    await until('the new digest in the store', async () =>
      (
        await storedDetail(store, cluster)
      ).nodeStatuses.some(
        n => n.name === nodeName && n.image.known && n.image.digest === DIGEST,
      ),
    );
    await live!.idle();
    expect(changes.flat()).toEqual([
      `mgmt/${cluster.namespace}/${cluster.name}`,
    ]);
  });

  it('writes nothing while the fleet is idle', async () => {
    const changes: string[][] = [];
    const store = await startLive(ids => changes.push(ids));
    const version = await store.version();
    changes.length = 0;
    await new Promise(r => setTimeout(r, 1_500)); // three bookmarks per watch
    await live!.idle();
    expect(changes).toEqual([]);
    expect(await store.version()).toBe(version);
  });

  it('reports a failing cluster and a refused watch for that cluster only', async () => {
    const [broken, refusing, healthy] = sim.model.clusters;
    sim.setFault(refusing.name, 'watch-refused');
    const store = await startLive();
    sim.setFault(broken.name, 'server-error');
    await until('the failure', async () =>
      (
        await storedDetail(store, broken)
      ).read.failures.some(f => f.reason === 'server-error'),
    );
    const states = live!.states().mgmt;
    expect(
      states.find(
        s =>
          s.resource ===
          `nodes of cluster mgmt/${refusing.namespace}/${refusing.name}`,
      ),
    ).toBeDefined();
    // The refusing cluster is polled: a change still arrives.
    const node = sim.objects(refusing.name).list({ kind: 'Node' })[0];
    sim.objects(refusing.name).upsert({
      ...node,
      status: {
        ...(node.status as object),
        nodeInfo: {
          ...(node.status as any).nodeInfo,
          kubeletVersion: 'v1.31.9+k0s',
        },
      },
    });
    await until('the polled change', async () =>
      (
        await storedDetail(store, refusing)
      ).nodeStatuses.some(n => n.kubeletVersion === 'v1.31.9+k0s'),
    );
    expect(
      live!
        .states()
        .mgmt.find(
          s =>
            s.resource ===
            `nodes of cluster mgmt/${refusing.namespace}/${refusing.name}`,
        )?.phase,
    ).toBe('polling');
    const fine = await storedDetail(store, healthy);
    expect(fine.read.failures).toEqual([]);
    expect(fine.read.stale).toBe(false);
  });
});
