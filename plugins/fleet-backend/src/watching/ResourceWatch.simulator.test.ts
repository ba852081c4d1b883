import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import { kubeConfigFromSecret } from '../connections/kubeConfigFromSecret';
import type { KubeObject } from '../reading/KubeReader';
import {
  ResourceWatch,
  type ResourceWatchOptions,
  type ResourceWatchState,
} from './ResourceWatch';

jest.setTimeout(60_000);

const until = async (what: string, check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 20));
  }
};

/** The real client against the simulator over TLS: list, watch, bookmarks, 410, refusals. */
describe('ResourceWatch against the fleet simulator', () => {
  let sim: FleetSimulator;
  const watches: ResourceWatch[] = [];

  beforeAll(async () => {
    sim = await startFleetSimulator({
      clusters: 3,
      nodesPerCluster: 3,
      tls: true,
      bookmarkIntervalMs: 100,
    });
  });
  afterEach(async () => {
    await Promise.all(watches.splice(0).map(w => w.stop()));
    for (const name of sim.clusterNames()) sim.setFault(name, undefined);
  });
  afterAll(() => sim.stop());

  function childKubeConfig(name: string, from: FleetSimulator) {
    const cluster = from.model.clusters.find(c => c.name === name)!;
    const secret = from.objects('mgmt').get({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: cluster.namespace,
      name: `${name}-kubeconfig`,
    })!;
    return kubeConfigFromSecret(
      Buffer.from((secret as any).data.value, 'base64').toString('utf8'),
    ).kubeConfig;
  }

  function watchNodes(
    name: string,
    overrides: Partial<ResourceWatchOptions> = {},
    from: FleetSimulator = sim,
  ) {
    const changes = { count: 0 };
    const states: ResourceWatchState[] = [];
    const watch = new ResourceWatch({
      kubeConfig: childKubeConfig(name, from),
      type: 'nodes',
      resource: `nodes of ${name}`,
      pageSize: 2,
      maxObjects: 1000,
      limits: {
        maxEventBytes: 1_000_000,
        eventTimeoutMs: 5_000,
        idleTimeoutMs: 30_000,
      },
      listTimeoutMs: 5_000,
      pollIntervalMs: 300,
      backoff: { initialMs: 50, maxMs: 400 },
      watchTimeoutSeconds: 60,
      onChange: () => changes.count++,
      onState: s => states.push(s),
      ...overrides,
    });
    watches.push(watch);
    watch.start();
    return { watch, changes, states };
  }

  const nodeNames = (objects: KubeObject[]) =>
    objects.map(o => o.metadata!.name).sort();
  const annotation = (w: ResourceWatch, node: string) =>
    w.objects().find(o => o.metadata?.name === node)?.metadata?.annotations?.[
      'fleetportal.io/image-ref'
    ];

  it('lists page by page, then applies changes as they are watched', async () => {
    const name = sim.clusterNames()[0];
    const { watch } = watchNodes(name);
    await until('watching', () => watch.state().phase === 'watching');
    const store = sim.objects(name);
    expect(nodeNames(watch.objects())).toEqual(
      nodeNames(store.list({ kind: 'Node' })),
    );
    expect(watch.state().lists).toBe(1);

    const node = store.list({ kind: 'Node' })[1];
    sim.setNodeImage(
      name,
      node.metadata.name,
      `oci.example/kairos@sha256:${'a'.repeat(64)}`,
    );
    await until('the new image', () =>
      (annotation(watch, node.metadata.name) ?? '').includes('aaaa'),
    );
    store.delete({ apiVersion: 'v1', kind: 'Node', name: node.metadata.name });
    await until('the deletion', () => watch.objects().length === 2);
    expect(watch.state().lists).toBe(1);
  });

  it('resumes from a bookmark after a restart, even past compacted history', async () => {
    const name = sim.clusterNames()[1];
    const { watch } = watchNodes(name);
    await until('watching', () => watch.state().phase === 'watching');
    const store = sim.objects(name);
    const other = store.list({ kind: 'Node' })[0];
    // Changes elsewhere on the server move its resourceVersion; bookmarks carry it to the watch.
    for (let i = 0; i < 5; i++)
      sim.objects(name).upsert({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `noise-${i}`, namespace: 'default' },
      });
    await new Promise(r => setTimeout(r, 300));
    // Without the bookmark the watch would resume from before the noise, which is gone now.
    sim.expireWatchHistory(name);
    sim.interruptWatches();
    await until('watching again', () => sim.openWatchCount() > 0);
    store.upsert({
      ...other,
      metadata: {
        ...other.metadata,
        labels: { ...other.metadata.labels, moved: 'yes' },
      },
    });
    await until('the change after the restart', () =>
      watch.objects().some(o => o.metadata?.labels?.moved === 'yes'),
    );
    expect(watch.state().lists).toBe(1);
    expect(watch.state().phase).toBe('watching');
  });

  it('lists again when the resourceVersion expired (410 Gone)', async () => {
    // A server that sends no bookmarks: the watch is left at its last change.
    const quiet = await startFleetSimulator({
      clusters: 1,
      tls: true,
      bookmarkIntervalMs: 3_600_000,
    });
    try {
      const name = quiet.clusterNames()[0];
      const { watch } = watchNodes(name, {}, quiet);
      await until('watching', () => watch.state().phase === 'watching');
      quiet.objects(name).upsert({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'noise', namespace: 'default' },
      });
      quiet.expireWatchHistory(name);
      quiet.interruptWatches();
      await until('a second list', () => watch.state().lists === 2);
      await until('watching', () => watch.state().phase === 'watching');
      expect(nodeNames(watch.objects())).toEqual(
        nodeNames(quiet.objects(name).list({ kind: 'Node' })),
      );
      await watch.stop();
    } finally {
      await quiet.stop();
    }
  });

  it('polls a server that refuses to watch, and says so', async () => {
    const name = sim.clusterNames()[0];
    sim.setFault(name, 'watch-refused');
    const { watch } = watchNodes(name);
    await until('polling', () => watch.state().phase === 'polling');
    expect(watch.state()).toMatchObject({
      reason: 'watch-refused',
      synced: true,
    });
    expect(watch.state().message).toMatch(/cannot watch resource "nodes"/);
    const node = sim.objects(name).list({ kind: 'Node' })[0];
    sim.objects(name).upsert({
      ...node,
      metadata: { ...node.metadata, labels: { polled: 'yes' } },
    });
    await until('the change, polled', () =>
      watch.objects().some(o => o.metadata?.labels?.polled === 'yes'),
    );
    expect(watch.state().lists).toBeGreaterThan(1);
  });

  it('reports a failing server with its reason, keeps the objects and recovers', async () => {
    const name = sim.clusterNames()[1];
    const { watch } = watchNodes(name);
    await until('watching', () => watch.state().phase === 'watching');
    const count = watch.objects().length;
    sim.setFault(name, 'server-error');
    await until('failed', () => watch.state().phase === 'failed');
    expect(watch.state().reason).toBe('server-error');
    expect(watch.objects()).toHaveLength(count);
    sim.setFault(name, undefined);
    await until('watching again', () => watch.state().phase === 'watching');
  });

  it('refuses a list larger than its cap and holds none of it', async () => {
    const name = sim.clusterNames()[2];
    const { watch } = watchNodes(name, { maxObjects: 2 });
    await until('failed', () => watch.state().phase === 'failed');
    expect(watch.state()).toMatchObject({
      reason: 'too-many-objects',
      synced: false,
    });
    expect(watch.objects()).toEqual([]);
  });
});
