/**
 * `yarn bench`: manifest generation per action and a dry run of every template; then the fleet backend against the simulator
 * (20 ms added per request, TLS, in its own process) at 50, 200 and 500 clusters of 10 nodes
 * and 4 DNS records; card API latency at 50 concurrent clients between and during a refresh,
 * beside the floor of Backstage's HTTP stack; and, for comparison, the per-request fan-out of
 * Backstage's Kubernetes backend and of client-node. Prints a table and writes
 * bench/results.json. A full run ends with the fleet page in Chromium at 2,000 clusters, against
 * the portal started with that demo fleet (`--fleet-page-only` runs just that and updates
 * bench/results.json). `--smoke` runs a few clusters in seconds (used by the test command).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { benchManifests } from './manifestBench';
import { benchTemplateDryRuns } from './templateDryRunBench';
import { benchFleetSize } from './refreshBench';
import { benchGitopsCost } from './gitopsCostBench';
import { benchFleetList } from './fleetListBench';
import { benchFleetPage } from './fleetPageBench';
import { formatReport, targetsMet, type BenchReport } from './report';
import { benchWatch } from './watchBench';
import type { WatchReport } from './watchReport';

const FLEET_PAGE = { clusters: 2_000, reloads: 10 };

function write(out: string, report: BenchReport) {
  report.targets = targetsMet(report);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${formatReport(report)}\nwritten to ${out}\n`);
}

async function main() {
  const smoke = process.argv.includes('--smoke');
  const sizes = smoke ? [5] : [50, 200, 500];
  const repoRoot = resolve(
    resolvePackagePath('@internal/fleet-bench'),
    '../..',
  );
  const out = resolve(
    repoRoot,
    smoke ? 'e2e-artifacts/bench-smoke.json' : 'bench/results.json',
  );
  const fleetPageStep = () => {
    process.stderr.write(
      `bench: the fleet page in Chromium at ${FLEET_PAGE.clusters} clusters (starting the portal)…\n`,
    );
    return benchFleetPage({ repoRoot, ...FLEET_PAGE });
  };
  if (process.argv.includes('--fleet-page-only')) {
    const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
    report.fleetPage = await fleetPageStep();
    write(out, report);
    return;
  }
  const common = {
    nodesPerCluster: 10,
    recordsPerCluster: 4,
    latencyMs: 20,
    concurrency: 32,
  };

  // First, while the process holds nothing else: the fleet runs leave servers and pools behind.
  process.stderr.write('bench: manifests…\n');
  const manifests = await benchManifests(smoke ? 20 : 200);
  process.stderr.write('bench: template dry runs…\n');
  const templates = await benchTemplateDryRuns(smoke ? 1 : 5);

  const refresh = [];
  let serving;
  for (const clusters of sizes) {
    const largest = clusters === sizes[sizes.length - 1];
    process.stderr.write(`bench: ${clusters} clusters…\n`);
    const result = await benchFleetSize({
      ...common,
      clusters,
      serving: largest
        ? {
            clients: 50,
            durationMs: smoke ? 1_000 : 5_000,
            fanOutRequests: smoke ? 3 : 10,
          }
        : undefined,
    });
    refresh.push(result.refresh);
    if (result.serving) serving = result.serving;
  }

  const gitopsClusters = sizes[sizes.length - 1];
  process.stderr.write(`bench: Git/Flux cost at ${gitopsClusters} clusters…\n`);
  const gitops = await benchGitopsCost({
    ...common,
    clusters: gitopsClusters,
    runs: smoke ? 1 : 5,
  });

  const listClusters = smoke ? 200 : 2_000;
  process.stderr.write(`bench: fleet list page at ${listClusters} clusters…\n`);
  const fleetList = await benchFleetList({
    clusters: listClusters,
    requests: smoke ? 20 : 200,
  });

  const watchSizes = smoke ? [5] : [500, 2_000];
  const watch: WatchReport = { syncs: [] };
  const watchDetail = smoke
    ? { changes: 3, idleMs: 1_000, loadMs: 1_000 }
    : { changes: 50, idleMs: 60_000, loadMs: 5_000 };
  for (const clusters of watchSizes) {
    process.stderr.write(`bench: the watched fleet at ${clusters} clusters…\n`);
    const result = await benchWatch({
      ...common,
      clusters,
      detail: clusters === watchSizes[0] ? watchDetail : undefined,
    });
    watch.syncs.push(result.sync);
    if (result.detail) watch.detail = result.detail;
  }

  // Last: it starts the whole portal, whose dev server and backend hold the machine meanwhile.
  const fleetPage = smoke ? undefined : await fleetPageStep();

  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: { ...common, smoke },
    refresh,
    serving: serving!,
    gitops,
    fleetList,
    watch,
    fleetPage,
    manifests,
    templates,
  };
  write(out, report);
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
