import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import {
  createApiServerTarget,
  FleetRefresher,
  LeaderLease,
  LiveFleet,
  runAsLeader,
} from '@fleet-portal/plugin-fleet-backend';
import {
  fixedBodyRoutes,
  quietLogger,
  startBackstageHttpStack,
} from './backstageHttpStack';
import { allowAllRouter, memoryFleetStore } from './benchStore';
import { RemoteSimulator } from './RemoteSimulator';
import { runLoad } from './runLoad';
import { round, summarizeLatencies, type LatencySummary } from './stats';

export interface WatchSyncResult {
  clusters: number;
  /** From start until every cluster is derived and stored. */
  wallMs: number;
  /** List and Secret requests (watches not counted: nothing waits for them). */
  requests: number;
  /** requests × latency ÷ concurrency: no reader can list faster over this many connections. */
  floorMs: number;
  ratioToFloor: number;
  /** Held by the backend (store, caches, watches) after GC. */
  heapHeldMb: number;
}

export interface WatchDetailResult {
  clusters: number;
  /** A node's image changed in the simulator until the card API shows it. */
  changeToApi: LatencySummary;
  /** CPU per minute with the fleet idle and watched (bookmarks only). */
  idleCpuMsPerMinute: number;
  /** The polling design in the same run: one warm refresh per minute. */
  pollingCpuMsPerMinute: number;
  idleCpuRatio: number;
  /** Requests the API servers got per minute while the fleet was idle (lists of polled resources, re-opened watches). */
  idleRequestsPerMinute: number;
  /** Card API at 50 clients while 100 clusters change at once, every 500 ms. */
  cardApiDuringBurst: LatencySummary;
  httpStackFloor: LatencySummary;
  burstRatioToFloor: number;
  /** Killing the watching replica (its lease left to expire) until changes flow again. */
  failoverMs: number;
  leaseMs: number;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const gc = () => (global as any).gc?.();
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const digest = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;

/** The watched fleet (LiveFleet) against the simulator in its own process, TLS, 20 ms a request. */
export async function benchWatch(options: {
  clusters: number;
  nodesPerCluster: number;
  recordsPerCluster: number;
  latencyMs: number;
  concurrency: number;
  /** Also measure change latency, idle CPU, the burst and a failover (the largest run does). */
  detail?: { changes: number; idleMs: number; loadMs: number };
}): Promise<{ sync: WatchSyncResult; detail?: WatchDetailResult }> {
  const sim = await RemoteSimulator.start({
    clusters: options.clusters,
    nodesPerCluster: options.nodesPerCluster,
    recordsPerCluster: options.recordsPerCluster,
    latencyMs: options.latencyMs,
    tls: true,
  });
  const { db, store } = await memoryFleetStore();
  const targets = {
    managementClusters: [
      createApiServerTarget('management', {
        id: 'bench',
        url: sim.management.url,
        caData: sim.management.caData,
        serviceAccountToken: sim.management.token,
      }),
    ],
    dnsClusters: [
      createApiServerTarget('dns', {
        id: 'bench-dns',
        url: sim.dns.url,
        caData: sim.dns.caData,
        serviceAccountToken: sim.dns.token,
      }),
    ],
  };
  const liveFleet = () =>
    new LiveFleet({
      ...targets,
      store,
      logger: quietLogger,
      clusterTimeoutMs: 30_000,
      concurrency: options.concurrency,
    });
  const router = await allowAllRouter(store);
  const http = await startBackstageHttpStack(router);
  const stops: Array<() => Promise<void>> = [];
  try {
    const heapBefore = heapMb();
    await sim.resetRequestCount();
    const started = performance.now();
    const live = liveFleet();
    await live.start();
    stops.push(() => live.stop());
    while ((await store.listClusters()).length < options.clusters)
      await sleep(10);
    await live.idle();
    const wallMs = performance.now() - started;
    const requests = (await sim.requestCount()) - (await sim.openWatchCount());
    const floorMs = (requests * options.latencyMs) / options.concurrency;
    const sync: WatchSyncResult = {
      clusters: options.clusters,
      wallMs: round(wallMs),
      requests,
      floorMs: round(floorMs),
      ratioToFloor: round(wallMs / floorMs, 2),
      heapHeldMb: round(heapMb() - heapBefore),
    };
    if (!options.detail) return { sync };
    const { detail } = options;

    const firstNodes = await sim.firstNodes();
    const cardPath = (c: (typeof firstNodes)[number]) =>
      `/api/fleet/clusters/bench/${c.namespace}/${c.cluster}`;
    let nextDigest = 1;
    const shows = async (c: (typeof firstNodes)[number], d: string) => {
      const res = await fetch(`${http.baseUrl}${cardPath(c)}`);
      const body: any = await res.json();
      return body.nodeStatuses?.some(
        (n: any) => n.name === c.node && n.image?.digest === d,
      );
    };
    const change = async (c: (typeof firstNodes)[number]) => {
      const d = digest(nextDigest++);
      await sim.setNodeImages([
        {
          cluster: c.cluster,
          node: c.node,
          reference: `registry.example/kairos/bench@${d}`,
        },
      ]);
      return d;
    };
    const changeLatencies: number[] = [];
    for (let i = 0; i < detail.changes; i++) {
      const c = firstNodes[(i * 7) % firstNodes.length];
      const t0 = performance.now();
      const d = await change(c);
      while (!(await shows(c, d))) await sleep(5);
      changeLatencies.push(performance.now() - t0);
      await sleep(50);
    }
    await live.idle();

    // Idle: no change anywhere; what remains is bookmarks (one per watch per minute).
    await sleep(5_000);
    const idleRequestsBefore = await sim.requestCount();
    const idleStart = process.cpuUsage();
    await sleep(detail.idleMs);
    const idle = process.cpuUsage(idleStart);
    const idleRequestsPerMinute =
      ((await sim.requestCount()) - idleRequestsBefore) *
      (60_000 / detail.idleMs);
    const idleCpuMsPerMinute =
      ((idle.user + idle.system) / 1000) * (60_000 / detail.idleMs);

    // The polling design, in the same process and run: one warm refresh a minute.
    const polled = await memoryFleetStore();
    const refresher = new FleetRefresher({
      ...targets,
      store: polled.store,
      logger: quietLogger,
      clusterTimeoutMs: 30_000,
      concurrency: options.concurrency,
    });
    await refresher.refreshAll();
    const pollStart = process.cpuUsage();
    await refresher.refreshAll();
    const poll = process.cpuUsage(pollStart);
    await refresher.close();
    await polled.db.destroy();
    const pollingCpuMsPerMinute = (poll.user + poll.system) / 1000;

    const summaries = await store.listClusters();
    const load = {
      baseUrl: http.baseUrl,
      paths: summaries.map(s => `/api/fleet/clusters/${s.id}`),
      concurrency: 50,
      durationMs: detail.loadMs,
    };
    const floorStack = await startBackstageHttpStack(
      fixedBodyRoutes(
        gzipSync((await store.getClusterJson(summaries[0].ref))!),
      ),
    );
    const floor = await runLoad({
      ...load,
      baseUrl: floorStack.baseUrl,
    }).finally(() => floorStack.stop());
    let bursting = true;
    const bursts = (async () => {
      for (let burst = 0; bursting; burst++) {
        await sim.setNodeImages(
          firstNodes.slice(0, 100).map(c => ({
            cluster: c.cluster,
            node: c.node,
            reference: `registry.example/kairos/bench@${digest(
              1_000_000 + burst,
            )}`,
          })),
        );
        await sleep(500);
      }
    })();
    const during = await runLoad(load);
    bursting = false;
    await bursts;
    await live.idle();

    // Failover: a second replica waits on the lease; the first dies without releasing it.
    const leaseMs = 3_000;
    const replica = (holder: string) =>
      runAsLeader({
        lease: new LeaderLease(db, 'fleet-watch', holder, leaseMs),
        logger: quietLogger,
        job: liveFleet,
      });
    await live.stop();
    stops.pop();
    const first = replica('first');
    await sleep(500);
    const second = replica('second');
    stops.push(() => second());
    await sleep(leaseMs);
    await first({ release: false });
    const killedAt = performance.now();
    const c = firstNodes[1];
    const d = await change(c);
    while (!(await shows(c, d))) await sleep(10);
    const failoverMs = performance.now() - killedAt;

    const changeToApi = summarizeLatencies(changeLatencies);
    const burst = summarizeLatencies(during.latencies);
    const floorSummary = summarizeLatencies(floor.latencies);
    const r = (s: LatencySummary) => ({
      ...s,
      p50: round(s.p50),
      p95: round(s.p95),
      p99: round(s.p99),
      max: round(s.max),
    });
    return {
      sync,
      detail: {
        clusters: options.clusters,
        changeToApi: r(changeToApi),
        idleCpuMsPerMinute: round(idleCpuMsPerMinute),
        pollingCpuMsPerMinute: round(pollingCpuMsPerMinute),
        idleCpuRatio: round(idleCpuMsPerMinute / pollingCpuMsPerMinute, 4),
        idleRequestsPerMinute: round(idleRequestsPerMinute),
        cardApiDuringBurst: r(burst),
        httpStackFloor: r(floorSummary),
        burstRatioToFloor: round(burst.p99 / floorSummary.p99, 2),
        failoverMs: round(failoverMs),
        leaseMs,
      },
    };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await http.stop();
    await db.destroy();
    await sim.stop();
  }
}
