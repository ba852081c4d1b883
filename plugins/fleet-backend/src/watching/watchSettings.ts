import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
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
  /** Bounds how many lists (and kubeconfig reads) run at once across the fleet. */
  listLimit?: <T>(run: () => Promise<T>) => Promise<T>;
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
  watchTimeoutSeconds: 1800,
  debounceMs: 100,
  resyncIntervalMs: 10 * 60_000,
};

/** `fleet.refresh.watch`, over the defaults; `leaseMs` is how long a replica's hold lasts. */
export function readWatchSettings(
  config: Config | undefined,
): WatchSettings & { leaseMs: number } {
  const ms = (key: string, fallback: number) =>
    config?.has(key)
      ? durationToMilliseconds(readDurationFromConfig(config, { key }))
      : fallback;
  const d = DEFAULT_WATCH_SETTINGS;
  const maxObjects = config?.getOptionalNumber('maxObjects') ?? d.maxObjects;
  const maxEventBytes =
    config?.getOptionalNumber('maxEventBytes') ?? d.limits.maxEventBytes;
  for (const [key, value] of [
    ['maxObjects', maxObjects],
    ['maxEventBytes', maxEventBytes],
  ] as const)
    if (!Number.isInteger(value) || value < 1)
      throw new Error(
        `fleet.refresh.watch.${key} must be a positive integer, not ${value}`,
      );
  return {
    limits: {
      maxEventBytes,
      eventTimeoutMs: ms('eventTimeout', d.limits.eventTimeoutMs),
      idleTimeoutMs: ms('idleTimeout', d.limits.idleTimeoutMs),
    },
    maxObjects,
    pollIntervalMs: ms('pollInterval', d.pollIntervalMs),
    backoff: {
      initialMs: ms('initialBackoff', d.backoff.initialMs),
      maxMs: ms('maxBackoff', d.backoff.maxMs),
    },
    watchTimeoutSeconds: d.watchTimeoutSeconds,
    debounceMs: ms('debounce', d.debounceMs),
    resyncIntervalMs: ms('resyncInterval', d.resyncIntervalMs),
    leaseMs: ms('lease', 15_000),
  };
}
