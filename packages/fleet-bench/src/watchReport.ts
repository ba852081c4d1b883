import { round } from './stats';
import type { WatchDetailResult, WatchSyncResult } from './watchBench';

export interface WatchReport {
  syncs: WatchSyncResult[];
  detail?: WatchDetailResult;
}

type Target = { target: string; measured: string; met: boolean };

/** The live-fleet issue's goals, against what the watch benchmark measured. */
export function watchTargets(w: WatchReport): Target[] {
  const targets: Target[] = w.syncs.map(s => ({
    target: `watched fleet's first full sync of ${s.clusters} clusters ≤ 2× the HTTP floor (same run)`,
    measured: `${s.ratioToFloor}× (${s.wallMs} ms vs ${s.floorMs} ms floor, ${s.requests} requests)`,
    met: s.ratioToFloor <= 2,
  }));
  const largest = w.syncs[w.syncs.length - 1];
  if (largest && largest.clusters >= 2_000)
    targets.push({
      target: `heap held by the watched fleet at ${largest.clusters} clusters ≤ 150 MB`,
      measured: `${largest.heapHeldMb} MB`,
      met: largest.heapHeldMb <= 150,
    });
  const d = w.detail;
  if (d)
    targets.push(
      {
        target: `change → card API at ${d.clusters} clusters, p99 ≤ 1 s`,
        measured: `p50 ${d.changeToApi.p50} ms, p99 ${d.changeToApi.p99} ms (${d.changeToApi.count} changes)`,
        met: d.changeToApi.p99 <= 1_000,
      },
      {
        target: `idle CPU per minute at ${d.clusters} clusters ≤ 1% of polling's (same run)`,
        measured: `${round(d.idleCpuRatio * 100, 2)}% (${
          d.idleCpuMsPerMinute
        } vs ${d.pollingCpuMsPerMinute} ms/min)`,
        met: d.idleCpuRatio <= 0.01,
      },
      {
        target: `card API p99 at 50 clients during bursts of 100 changing clusters ≤ 1.2× the HTTP floor (same run)`,
        measured: `${d.burstRatioToFloor}× (${d.cardApiDuringBurst.p99} vs ${d.httpStackFloor.p99} ms)`,
        met: d.burstRatioToFloor <= 1.2,
      },
    );
  return targets;
}

/** The watch rows as Markdown. */
export function watchTable(w: WatchReport): string {
  const lines = [
    '| watched fleet | wall | requests | HTTP floor | ratio | heap held |',
    '| --- | --- | --- | --- | --- | --- |',
    ...w.syncs.map(
      s =>
        `| first full sync, ${s.clusters} clusters | ${s.wallMs} ms | ${s.requests} | ${s.floorMs} ms | ${s.ratioToFloor}× | ${s.heapHeldMb} MB |`,
    ),
  ];
  const d = w.detail;
  if (d)
    lines.push(
      '',
      `| watched fleet, ${d.clusters} clusters | p50 | p95 | p99 | compared with |`,
      '| --- | --- | --- | --- | --- |',
      `| change in the simulator → card API (${d.changeToApi.count}) | ${d.changeToApi.p50} ms | ${d.changeToApi.p95} ms | ${d.changeToApi.p99} ms | goal p99 ≤ 1 s |`,
      `| card API, 50 clients, bursts of 100 clusters changing | ${d.cardApiDuringBurst.p50} ms | ${d.cardApiDuringBurst.p95} ms | ${d.cardApiDuringBurst.p99} ms | floor p99 ${d.httpStackFloor.p99} ms (${d.burstRatioToFloor}×) |`,
      '',
      `Idle CPU: ${d.idleCpuMsPerMinute} ms per minute watched, against ${
        d.pollingCpuMsPerMinute
      } ms per minute polled (one warm refresh a minute): ${round(
        d.idleCpuRatio * 100,
        2,
      )}%.`,
      `Failover: ${d.failoverMs} ms from killing the watching replica (lease ${d.leaseMs} ms, left to expire) until a change showed through the other.`,
    );
  return lines.join('\n');
}
