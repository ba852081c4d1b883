import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFleetBackend } from './fleetBackend';
import { RemoteSimulator } from './RemoteSimulator';
import { round } from './stats';

export interface GitopsRefreshRun {
  wallMs: number;
  cpuMs: number;
  requests: number;
}

/** What reading Flux and the GitOps repository adds to a warm refresh, in the same run. */
export interface GitopsCostResult {
  clusters: number;
  /** Refresh without Flux's objects or the repository (median of the warm runs). */
  without: GitopsRefreshRun;
  /** Refresh reading Flux's Kustomizations and GitRepositories and comparing with Git. */
  with: GitopsRefreshRun;
  /** `with.wallMs / without.wallMs`; the goal is ≤ 1.10. */
  wallRatio: number;
  /** Warm runs of each, alternated so that the machine's noise falls on both. */
  runs: number;
  /** Clusters whose Git/Flux state was read (every one, or the figure is not measured). */
  clustersWithGitops: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * One simulated fleet born from its GitOps repository, with Flux's objects (the demo's GitOps
 * loop, its timers stopped so nothing moves), read by two backends: one that reads neither Flux
 * nor Git, and one that reads both, as the plugin does in local mode. Warm refreshes alternate.
 */
export async function benchGitopsCost(options: {
  clusters: number;
  nodesPerCluster: number;
  recordsPerCluster: number;
  latencyMs: number;
  concurrency: number;
  runs: number;
}): Promise<GitopsCostResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-bench-gitops-'));
  const repository = join(dir, 'gitops-repo');
  const hour = 3_600_000;
  const sim = await RemoteSimulator.start({
    clusters: options.clusters,
    nodesPerCluster: options.nodesPerCluster,
    recordsPerCluster: options.recordsPerCluster,
    latencyMs: options.latencyMs,
    tls: true,
    gitops: { dir: repository, pollMs: hour, stepMs: hour },
  });
  const common = {
    management: sim.management,
    dns: sim.dns,
    concurrency: options.concurrency,
    clusterTimeoutMs: 30_000,
  };
  const without = await startFleetBackend({
    ...common,
    gitops: { flux: false },
  });
  const withGitops = await startFleetBackend({
    ...common,
    gitops: { flux: true, gitopsRepository: repository },
  });
  try {
    const refresh = async (
      backend: typeof without,
    ): Promise<GitopsRefreshRun> => {
      await sim.resetRequestCount();
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      const [report] = await backend.refresher.refreshAll();
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const cpu = process.cpuUsage(cpuBefore);
      if (report.failedClusters > 0 || report.clusters !== options.clusters)
        throw new Error(
          `refresh read ${report.clusters} clusters with ${report.failedClusters} failures`,
        );
      return {
        wallMs,
        cpuMs: (cpu.user + cpu.system) / 1000,
        requests: await sim.requestCount(),
      };
    };
    // Cold runs first: connections and the repository's objects are read once.
    await refresh(without);
    await refresh(withGitops);
    const runs = {
      without: [] as GitopsRefreshRun[],
      with: [] as GitopsRefreshRun[],
    };
    for (let i = 0; i < options.runs; i++) {
      runs.without.push(await refresh(without));
      runs.with.push(await refresh(withGitops));
    }
    const summarize = (list: GitopsRefreshRun[]): GitopsRefreshRun => ({
      wallMs: round(median(list.map(r => r.wallMs))),
      cpuMs: round(median(list.map(r => r.cpuMs))),
      requests: median(list.map(r => r.requests)),
    });
    const summaries = await withGitops.store.listClusters();
    let clustersWithGitops = 0;
    for (const summary of summaries) {
      const detail = await withGitops.store.getCluster(summary.ref);
      if (detail?.gitops?.appliedRevision) clustersWithGitops += 1;
    }
    const result = {
      without: summarize(runs.without),
      with: summarize(runs.with),
    };
    return {
      clusters: options.clusters,
      ...result,
      wallRatio: round(result.with.wallMs / result.without.wallMs, 3),
      runs: options.runs,
      clustersWithGitops,
    };
  } finally {
    await withGitops.stop();
    await without.stop();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
