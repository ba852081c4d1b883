import type { FleetListResult } from './fleetListBench';
import type { FleetPageResult } from './fleetPageBench';
import { fleetPageTable, fleetPageTargets } from './fleetPageReport';
import type { GitopsCostResult } from './gitopsCostBench';
import type { ManifestResult } from './manifestBench';
import type { TemplateDryRunResult } from './templateDryRunBench';
import { round } from './stats';
import { watchTable, watchTargets, type WatchReport } from './watchReport';
import type { RefreshResult, ServingResult } from './refreshBench';

export interface BenchReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  settings: Record<string, unknown>;
  refresh: RefreshResult[];
  serving: ServingResult;
  /** What reading Flux and Git adds to a warm refresh (absent in reports written before it). */
  gitops?: GitopsCostResult;
  /** The fleet page's paged request against the whole list (absent in reports before it). */
  fleetList?: FleetListResult;
  /** The watched fleet (absent in reports before it). */
  watch?: WatchReport;
  /** The fleet page in Chromium at a large fleet (full runs only). */
  fleetPage?: FleetPageResult;
  manifests: ManifestResult[];
  templates: TemplateDryRunResult[];
  targets?: Array<{ target: string; measured: string; met: boolean }>;
}

/** The targets, checked against what was measured (at the largest size run). */
export function targetsMet(
  report: BenchReport,
): NonNullable<BenchReport['targets']> {
  const largest = report.refresh[report.refresh.length - 1];
  const slowestManifestMs =
    Math.max(...report.manifests.map(m => m.generateMicros)) / 1000;
  return [
    {
      target: `refresh of ${largest.clusters} clusters ≤ 5 s (every interval: warm)`,
      measured: `${largest.warm.wallMs} ms`,
      met: largest.warm.wallMs <= 5_000,
    },
    {
      target: `refresh of ${largest.clusters} clusters ≤ 5 s (first, cold)`,
      measured: `${largest.cold.wallMs} ms`,
      met: largest.cold.wallMs <= 5_000,
    },
    {
      target: 'card API p99 ≤ 20 ms (between refreshes)',
      measured: `${report.serving.betweenRefreshes.p99} ms`,
      met: report.serving.betweenRefreshes.p99 <= 20,
    },
    {
      target: 'card API p99 ≤ 20 ms (during a refresh)',
      measured: `${report.serving.duringRefresh.p99} ms`,
      met: report.serving.duringRefresh.p99 <= 20,
    },
    {
      target: `≥ 50× faster than per-request fan-out at ${report.serving.clusters} clusters (Kubernetes plugin)`,
      measured: `${report.serving.kubernetesPluginRatio}×`,
      met: report.serving.kubernetesPluginRatio >= 50,
    },
    {
      target: `≥ 50× faster than per-request fan-out at ${report.serving.clusters} clusters (client-node, nodes)`,
      measured: `${report.serving.fanOutRatio}×`,
      met: report.serving.fanOutRatio >= 50,
    },
    {
      target: `heap held ≤ 50 MB at ${largest.clusters} clusters (serving + reader thread)`,
      measured: `${round(largest.heapHeldMb + largest.readerHeapMb)} MB`,
      met: largest.heapHeldMb + largest.readerHeapMb <= 50,
    },
    ...(report.gitops
      ? [
          {
            target: `refresh with Git/Flux state within 10% of without, ${report.gitops.clusters} clusters (warm, same run)`,
            measured: `${report.gitops.wallRatio}× (${report.gitops.with.wallMs} vs ${report.gitops.without.wallMs} ms)`,
            met:
              report.gitops.wallRatio <= 1.1 &&
              report.gitops.clustersWithGitops === report.gitops.clusters,
          },
        ]
      : []),
    ...(report.fleetList
      ? [
          {
            target: `fleet list page of ${report.fleetList.pageSize} at ${report.fleetList.clusters} clusters faster than the unpaged list (API p50, same run)`,
            measured: `${report.fleetList.ratio}× (${report.fleetList.paged.p50} vs ${report.fleetList.unpaged.p50} ms; ${report.fleetList.paged.gzipKb} vs ${report.fleetList.unpaged.gzipKb} KB gzip)`,
            met: report.fleetList.ratio > 1,
          },
        ]
      : []),
    ...(report.watch ? watchTargets(report.watch) : []),
    ...(report.fleetPage ? fleetPageTargets(report.fleetPage) : []),
    {
      target: 'manifest generation ≤ 5 ms',
      measured: `${slowestManifestMs.toFixed(2)} ms (slowest action)`,
      met: slowestManifestMs <= 5,
    },
  ];
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => String(r[i]).length)),
  );
  const line = (cells: Array<string | number>) =>
    `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

function gitopsTable(g: GitopsCostResult): string {
  return table(
    [
      `refresh, ${g.clusters} clusters, warm (median of ${g.runs})`,
      'wall',
      'requests',
      'CPU (backend)',
      'ratio',
    ],
    [
      [
        'without Flux or Git',
        `${g.without.wallMs} ms`,
        g.without.requests,
        `${g.without.cpuMs} ms`,
        '1',
      ],
      [
        `with Flux's objects and the Git comparison (${g.clustersWithGitops} clusters with Git/Flux state)`,
        `${g.with.wallMs} ms`,
        g.with.requests,
        `${g.with.cpuMs} ms`,
        `${g.wallRatio}×`,
      ],
    ],
  );
}

function fleetListTable(f: FleetListResult): string {
  const row = (label: string, l: FleetListResult['paged']) => [
    label,
    `${l.p50} ms`,
    `${l.p95} ms`,
    `${l.p99} ms`,
    `${l.gzipKb} KB`,
  ];
  return table(
    [
      `fleet list, ${f.clusters} clusters, ${f.requests} requests, 1 client`,
      'p50',
      'p95',
      'p99',
      'body (gzip)',
    ],
    [
      row(`page of ${f.pageSize}, sorted by name, every page in turn`, f.paged),
      row('the whole list (no parameters)', f.unpaged),
    ],
  );
}

/** The report as Markdown tables (the README quotes them). */
export function formatReport(report: BenchReport): string {
  const s = report.serving;
  return [
    `Fleet Portal benchmark, ${report.date.slice(0, 10)}, ${
      report.machine.cpus
    } × ${report.machine.cpuModel}, ${report.machine.memoryGb} GiB, Node ${
      report.machine.node
    }`,
    '',
    table(
      [
        'clusters',
        'nodes',
        'refresh',
        'wall',
        'requests',
        'CPU (backend)',
        'per cluster',
        'heap held (serving + reader thread)',
      ],
      report.refresh.flatMap(r => [
        [
          r.clusters,
          r.nodes,
          'first (cold)',
          `${r.cold.wallMs} ms`,
          r.cold.requests,
          `${r.cold.cpuMs} ms`,
          `${r.cold.msPerCluster} ms`,
          `${r.heapHeldMb} + ${r.readerHeapMb} MB`,
        ],
        [
          '',
          '',
          'every interval (warm)',
          `${r.warm.wallMs} ms`,
          r.warm.requests,
          `${r.warm.cpuMs} ms`,
          `${r.warm.msPerCluster} ms`,
          '',
        ],
      ]),
    ),
    '',
    table(
      [`card API, ${s.clusters} clusters`, 'requests', 'p50', 'p95', 'p99'],
      [
        [
          'between refreshes (10 clients)',
          s.betweenRefreshesLight.count,
          `${s.betweenRefreshesLight.p50} ms`,
          `${s.betweenRefreshesLight.p95} ms`,
          `${s.betweenRefreshesLight.p99} ms`,
        ],
        [
          'between refreshes (50 clients)',
          s.betweenRefreshes.count,
          `${s.betweenRefreshes.p50} ms`,
          `${s.betweenRefreshes.p95} ms`,
          `${s.betweenRefreshes.p99} ms`,
        ],
        [
          'floor: same HTTP stack, fixed body, no fleet code (50 clients)',
          s.httpStackFloor.count,
          `${s.httpStackFloor.p50} ms`,
          `${s.httpStackFloor.p95} ms`,
          `${s.httpStackFloor.p99} ms`,
        ],
        [
          'during a refresh (50 clients)',
          s.duringRefresh.count,
          `${s.duringRefresh.p50} ms`,
          `${s.duringRefresh.p95} ms`,
          `${s.duringRefresh.p99} ms`,
        ],
        [
          'during a refresh read in the serving thread (50 clients)',
          s.duringRefreshMainThread.count,
          `${s.duringRefreshMainThread.p50} ms`,
          `${s.duringRefreshMainThread.p95} ms`,
          `${s.duringRefreshMainThread.p99} ms`,
        ],
        [
          `@backstage/plugin-kubernetes-backend, one entity page (${s.kubernetesPluginRequestsPerCall} API requests)`,
          s.kubernetesPlugin.count,
          `${s.kubernetesPlugin.p50} ms`,
          `${s.kubernetesPlugin.p95} ms`,
          `${s.kubernetesPlugin.p99} ms`,
        ],
        [
          "per-request fan-out with client-node, every cluster's nodes",
          s.fanOut.count,
          `${s.fanOut.p50} ms`,
          `${s.fanOut.p95} ms`,
          `${s.fanOut.p99} ms`,
        ],
      ],
    ),
    '',
    ...(report.gitops ? [gitopsTable(report.gitops), ''] : []),
    `Per-request fan-out / card API (p50): ${s.kubernetesPluginRatio}× (Kubernetes plugin), ${s.fanOutRatio}× (client-node, nodes)`,
    '',
    `A warm refresh keeps the serving thread busy ${s.servingThreadDuringRefresh.readerThread.busyMs} ms ` +
      `(longest stall ${s.servingThreadDuringRefresh.readerThread.longestStallMs} ms) reading in the worker thread, ` +
      `${s.servingThreadDuringRefresh.servingThread.busyMs} ms (longest stall ${s.servingThreadDuringRefresh.servingThread.longestStallMs} ms) reading in the serving thread`,
    '',
    `Between refreshes at 50 clients: ${s.betweenRefreshesCost.requestsPerSecond} requests/s, ` +
      `server CPU ${s.betweenRefreshesCost.serverCpuMsPerRequest} ms/request (one event loop), ` +
      `load generator CPU ${s.betweenRefreshesCost.loadGeneratorCpuMsPerRequest} ms/request ` +
      `(on the same ${report.machine.cpus} cores)`,
    '',
    ...(report.fleetList ? [fleetListTable(report.fleetList), ''] : []),
    ...(report.watch ? [watchTable(report.watch), ''] : []),
    ...(report.fleetPage ? [fleetPageTable(report.fleetPage), ''] : []),
    table(
      ['action', 'generation µs/op', 'handler dry-run µs/op'],
      report.manifests.map(m => [m.action, m.generateMicros, m.handlerMicros]),
    ),
    '',
    table(
      ['template', 'full dry run (scaffolder API) ms/op'],
      report.templates.map(t => [t.template, t.dryRunMs]),
    ),
    '',
    table(
      ['target', 'measured', 'met'],
      (report.targets ?? []).map(t => [
        t.target,
        t.measured,
        t.met ? 'yes' : 'NO',
      ]),
    ),
  ].join('\n');
}
