import type {
  ClusterDetail,
  ReadFailure,
  ReadState,
} from '@fleet-portal/plugin-fleet-common';

/** Incomplete objects are reported but still current; any other failure leaves earlier data, stale. */
export function readStateAfter(
  at: string,
  failures: ReadFailure[],
  prior: ClusterDetail | undefined,
): ReadState {
  const stale = failures.some(f => f.reason !== 'incomplete-objects');
  return {
    lastAttemptAt: at,
    lastSuccessAt: stale ? prior?.read.lastSuccessAt : at,
    stale,
    failures,
  };
}
