import type { MetricsService } from '@backstage/backend-plugin-api/alpha';
import type { RefreshReport } from '../service/FleetRefresher';

/** `success` also when some child clusters failed: those are counted by `fleet.clusters.failing`. */
export function refreshAttributes(
  managementId: string,
  outcome: { report: RefreshReport } | { error: unknown },
): Record<string, string> {
  const failure =
    'error' in outcome ? '_OTHER' : outcome.report.failure?.reason;
  return {
    'fleet.management': managementId,
    'fleet.refresh.outcome': failure ? 'failure' : 'success',
    ...(failure ? { 'error.type': failure } : {}),
  };
}

/**
 * Times each poll-mode refresh of a management cluster into `fleet.refresh.duration`; its
 * count is the number of refreshes, by outcome and (when the management cluster could not be
 * read) the reason.
 */
export function timeRefreshes(
  metrics: MetricsService,
): (
  managementId: string,
  refresh: () => Promise<RefreshReport>,
) => Promise<RefreshReport> {
  const duration = metrics.createHistogram('fleet.refresh.duration', {
    description:
      'How long one refresh (poll) of a management cluster and its child clusters took',
    unit: 's',
    advice: {
      explicitBucketBoundaries: [
        0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600,
      ],
    },
  });
  return async (managementId, refresh) => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const report = await refresh();
      duration.record(seconds(), refreshAttributes(managementId, { report }));
      return report;
    } catch (error) {
      duration.record(seconds(), refreshAttributes(managementId, { error }));
      throw error;
    }
  };
}
