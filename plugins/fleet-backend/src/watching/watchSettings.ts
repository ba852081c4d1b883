import type { WatchLimits } from './watchStream';

/** How the fleet is watched (`fleet.refresh.watch`). */
export interface WatchSettings {
  limits: WatchLimits;
  /** More objects than this in one resource of one cluster is reported, and none of them kept. */
  maxObjects: number;
  /** Resources that cannot be watched are listed this often. */
  pollIntervalMs: number;
  backoff: { initialMs: number; maxMs: number };
  watchTimeoutSeconds: number;
  /** Changes arriving within this time are derived and stored together. */
  debounceMs: number;
  /** Every cluster is derived again this often, even with nothing changed (times, Git). */
  resyncIntervalMs: number;
}

export const DEFAULT_WATCH_SETTINGS: WatchSettings = {
  limits: {
    maxEventBytes: 4 * 1024 * 1024,
    eventTimeoutMs: 30_000,
    idleTimeoutMs: 5 * 60_000,
  },
  maxObjects: 20_000,
  pollIntervalMs: 60_000,
  backoff: { initialMs: 1_000, maxMs: 60_000 },
  watchTimeoutSeconds: 300,
  debounceMs: 100,
  resyncIntervalMs: 10 * 60_000,
};
