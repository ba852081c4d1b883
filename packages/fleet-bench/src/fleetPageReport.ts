import type { FleetPageResult } from './fleetPageBench';

type Reported = Omit<FleetPageResult, 'reloadSteps'> &
  Partial<Pick<FleetPageResult, 'reloadSteps'>>;

type Target = { target: string; measured: string; met: boolean };

/** The live-fleet issue's fleet page goal, against what Chromium measured. */
export function fleetPageTargets(f: Reported): Target[] {
  return [
    {
      target: `fleet page in Chromium at ${f.clusters} clusters: time to first rows ≤ 1 s (reload, p50)`,
      measured: `p50 ${f.reload.p50} ms, max ${f.reload.max} ms over ${f.reload.count} reloads; first visit ${f.firstVisitMs} ms`,
      met: f.reload.p50 <= 1_000,
    },
  ];
}

/** The fleet page rows as Markdown. */
export function fleetPageTable(f: Reported): string {
  return [
    `| fleet page in Chromium, ${f.clusters} clusters | time to first rows | fleet API fetched |`,
    '| --- | --- | --- |',
    `| first visit (empty cache, sign-in page, app dev server) | ${f.firstVisitMs} ms | — |`,
    `| reload, cache warm (p50 / p95 / max of ${f.reload.count}) | ${f.reload.p50} / ${f.reload.p95} / ${f.reload.max} ms | ${f.fleetApi.requests} requests, ${f.fleetApi.kb} KB |`,
    '',
    ...(f.reloadSteps
      ? [
          `Where a reload's time to first rows goes (medians from navigation start): the app first rendered at ${f.reloadSteps.appRenderedMs} ms, asked the fleet API at ${f.reloadSteps.fleetApiRequestedMs} ms, had its answer at ${f.reloadSteps.fleetApiAnsweredMs} ms, and showed rows at ${f.reload.p50} ms.`,
        ]
      : []),
    `The portal took ${Math.round(
      f.startupMs / 1000,
    )} s from start until the backend served all ${
      f.clusters
    } clusters and the app answered.`,
  ].join('\n');
}
