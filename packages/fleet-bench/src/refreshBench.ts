import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { fixedBodyRoutes, startBackstageHttpStack } from './backstageHttpStack';
import { measureFanOuts } from './fanOut';
import { startFleetBackend } from './fleetBackend';
import { RemoteSimulator } from './RemoteSimulator';
import { runLoad } from './runLoad';
import { round, summarizeLatencies, type LatencySummary } from './stats';

export interface RefreshResult {
  clusters: number;
  nodes: number;
  /** The first refresh: every connection (TLS handshake) is new. Read in a worker thread. */
  cold: RefreshRun;
  /** A later refresh, as it runs every interval: connections are kept alive between refreshes. */
  warm: RefreshRun;
  /** Held by the serving thread for the fleet data, after GC. */
  heapHeldMb: number;
  /** Held by the reader thread, after GC (connection pools, parsed kubeconfigs). */
  readerHeapMb: number;
}

export interface RefreshRun {
  wallMs: number;
  requests: number;
  cpuMs: number;
  msPerCluster: number;
}

export interface ServingThreadLoad {
  /** Time the serving thread's event loop was busy during one warm refresh. */
  busyMs: number;
  /** The longest the serving thread's event loop could not take a request, sampled per 1 ms. */
  longestStallMs: number;
}

export interface ServingResult {
  /** What a warm refresh costs the thread that serves the API, without load. */
  servingThreadDuringRefresh: {
    readerThread: ServingThreadLoad;
    servingThread: ServingThreadLoad;
  };
  clusters: number;
  /** 10 concurrent clients, for how latency scales with concurrency. */
  betweenRefreshesLight: LatencySummary;
  betweenRefreshes: LatencySummary;
  /** Backstage's HTTP stack answering with a fixed body, no fleet code: the floor. */
  httpStackFloor: LatencySummary;
  /** The refresh reading in a worker thread, as the plugin does by default. */
  duringRefresh: LatencySummary;
  /** For comparison: the refresh reading in the thread that serves the API. */
  duringRefreshMainThread: LatencySummary;
  /** Every cluster's nodes listed with client-node on each request (the same data as ours). */
  fanOut: LatencySummary;
  fanOutRatio: number;
  /** @backstage/plugin-kubernetes-backend answering one entity page, all clusters configured. */
  kubernetesPlugin: LatencySummary;
  /** API server requests it sent per entity page (its object types × clusters). */
  kubernetesPluginRequestsPerCall: number;
  kubernetesPluginRatio: number;
  /** Where the time goes between refreshes at 50 clients: the server is one event loop. */
  betweenRefreshesCost: {
    requestsPerSecond: number;
    serverCpuMsPerRequest: number;
    loadGeneratorCpuMsPerRequest: number;
  };
}

const gc = () => (global as any).gc?.();

async function servingThreadLoad(
  refresh: () => Promise<unknown>,
): Promise<ServingThreadLoad> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const before = performance.eventLoopUtilization();
  await refresh();
  const used = performance.eventLoopUtilization(before);
  delay.disable();
  return {
    busyMs: round(used.active, 0),
    longestStallMs: round(delay.max / 1e6),
  };
}

function heapUsedMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/**
 * One fleet size: a full refresh (wall, requests, CPU of this process, heap held for the fleet
 * data), and optionally the serving figures: card API latency under load between and during
 * refreshes, and the per-request fan-out the core Kubernetes plugin does, for comparison.
 */
export async function benchFleetSize(options: {
  clusters: number;
  nodesPerCluster: number;
  recordsPerCluster: number;
  latencyMs: number;
  concurrency: number;
  serving?: { clients: number; durationMs: number; fanOutRequests: number };
}): Promise<{ refresh: RefreshResult; serving?: ServingResult }> {
  const sim = await RemoteSimulator.start({
    clusters: options.clusters,
    nodesPerCluster: options.nodesPerCluster,
    recordsPerCluster: options.recordsPerCluster,
    latencyMs: options.latencyMs,
    tls: true,
  });
  const backend = await startFleetBackend({
    management: sim.management,
    dns: sim.dns,
    concurrency: options.concurrency,
    clusterTimeoutMs: 30_000,
  });
  try {
    const heapBefore = heapUsedMb();
    const readerHeapBefore = await backend.readerHeapMb();
    const run = async (): Promise<RefreshRun> => {
      await sim.resetRequestCount();
      const cpuBefore = process.cpuUsage(); // the whole process: worker thread included
      const started = process.hrtime.bigint();
      const [report] = await backend.refresher.refreshAll();
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const cpu = process.cpuUsage(cpuBefore);
      if (report.failedClusters > 0 || report.clusters !== options.clusters) {
        throw new Error(
          `refresh read ${report.clusters} clusters with ${report.failedClusters} failures`,
        );
      }
      return {
        wallMs: round(wallMs),
        requests: await sim.requestCount(),
        cpuMs: round((cpu.user + cpu.system) / 1000),
        msPerCluster: round(wallMs / options.clusters, 2),
      };
    };
    const cold = await run();
    const warm = await run();
    const summaries = await backend.store.listClusters();
    for (const s of summaries) await backend.store.getCluster(s.ref);
    const refresh: RefreshResult = {
      clusters: options.clusters,
      nodes: summaries.reduce((n, s) => n + s.nodes.total, 0),
      cold,
      warm,
      heapHeldMb: round(heapUsedMb() - heapBefore),
      readerHeapMb: round((await backend.readerHeapMb()) - readerHeapBefore),
    };
    if (!options.serving) return { refresh };

    const paths = summaries.map(s => `/api/fleet/clusters/${s.id}`);
    const load = {
      baseUrl: backend.baseUrl,
      paths,
      concurrency: options.serving.clients,
      durationMs: options.serving.durationMs,
    };
    const light = await runLoad({ ...load, concurrency: 10 });
    const serverCpuBefore = process.cpuUsage();
    const between = await runLoad(load);
    const serverCpu = process.cpuUsage(serverCpuBefore);
    const floorStack = await startBackstageHttpStack(
      fixedBodyRoutes(
        gzipSync((await backend.store.getClusterJson(summaries[0].ref))!),
      ),
    );
    const floor = await runLoad({
      ...load,
      baseUrl: floorStack.baseUrl,
    }).finally(() => floorStack.stop());
    const duringMs = Math.min(load.durationMs, Math.max(500, warm.wallMs));
    const duringRefreshOf = async (refresher: typeof backend.refresher) => {
      let refreshing: Promise<unknown> | undefined;
      const measured = await runLoad({ ...load, durationMs: duringMs }, () => {
        refreshing = refresher.refreshAll();
      });
      await refreshing;
      return measured;
    };
    const during = await duringRefreshOf(backend.refresher);
    // Warm like the worker's reader (connections pooled, kubeconfigs parsed) before comparing.
    await backend.mainThreadRefresher.refreshAll();
    const duringMainThread = await duringRefreshOf(backend.mainThreadRefresher);

    const servingThreadDuringRefresh = {
      readerThread: await servingThreadLoad(() =>
        backend.refresher.refreshAll(),
      ),
      servingThread: await servingThreadLoad(() =>
        backend.mainThreadRefresher.refreshAll(),
      ),
    };

    // Held with the serving caches filled; before the comparison, whose clients are not ours.
    refresh.heapHeldMb = round(
      Math.max(refresh.heapHeldMb, heapUsedMb() - heapBefore),
    );
    refresh.readerHeapMb = round(
      Math.max(
        refresh.readerHeapMb,
        (await backend.readerHeapMb()) - readerHeapBefore,
      ),
    );

    const fanOuts = await measureFanOuts(
      sim,
      summaries.map(sum => sum.ref),
      options.serving.fanOutRequests,
    );
    const betweenRefreshes = summarizeLatencies(between.latencies);
    const fanOut = summarizeLatencies(fanOuts.handWritten);
    const plugin = summarizeLatencies(fanOuts.kubernetesPlugin);
    const serving: ServingResult = {
      clusters: options.clusters,
      servingThreadDuringRefresh,
      betweenRefreshesLight: roundSummary(summarizeLatencies(light.latencies)),
      betweenRefreshes: roundSummary(betweenRefreshes),
      httpStackFloor: roundSummary(summarizeLatencies(floor.latencies)),
      duringRefresh: roundSummary(summarizeLatencies(during.latencies)),
      duringRefreshMainThread: roundSummary(
        summarizeLatencies(duringMainThread.latencies),
      ),
      fanOut: roundSummary(fanOut),
      fanOutRatio: round(fanOut.p50 / betweenRefreshes.p50, 0),
      kubernetesPlugin: roundSummary(plugin),
      kubernetesPluginRequestsPerCall: fanOuts.kubernetesPluginRequestsPerCall,
      kubernetesPluginRatio: round(plugin.p50 / betweenRefreshes.p50, 0),
      betweenRefreshesCost: {
        requestsPerSecond: round(
          between.latencies.length / (options.serving.durationMs / 1000),
          0,
        ),
        serverCpuMsPerRequest: round(
          (serverCpu.user + serverCpu.system) / 1000 / between.latencies.length,
          3,
        ),
        loadGeneratorCpuMsPerRequest: round(between.clientCpuMsPerRequest, 3),
      },
    };
    return { refresh, serving };
  } finally {
    await backend.stop();
    await sim.stop();
  }
}

function roundSummary(s: LatencySummary): LatencySummary {
  return {
    count: s.count,
    p50: round(s.p50, 2),
    p95: round(s.p95, 2),
    p99: round(s.p99, 2),
    max: round(s.max, 2),
  };
}
