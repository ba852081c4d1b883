import { useEffect, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { AsyncStateRetry } from 'react-use/esm/useAsyncRetry';
import { useSignal } from '@backstage/plugin-signals-react';

/** The signal channel the fleet backend announces stored changes on. */
export const FLEET_CHANGES_CHANNEL = 'fleet:changes';

/**
 * What the backend's `fleet:changes` signal carries: when the fleet's stored state changed. It
 * names no cluster (it reaches every user); pages read again through the permission-checked API.
 */
export type FleetChangeMessage = {
  changedAt: string;
};

export interface FleetChanges {
  /** Whether this app hears of the fleet's changes (a signal API is registered). */
  live: boolean;
  /** How many changes were heard of since the page opened: a read depending on it runs again. */
  version: number;
  /** When the last change heard of was stored (ISO 8601). */
  lastChangeAt?: string;
}

/** The fleet's changes as the backend signals them; never live without a signal API. */
export function useFleetChanges(): FleetChanges {
  const { lastSignal, isSignalsAvailable } = useSignal<FleetChangeMessage>(
    FLEET_CHANGES_CHANNEL,
  );
  const [heard, setHeard] = useState<{ version: number; at?: string }>({
    version: 0,
  });
  useEffect(() => {
    if (!lastSignal) return;
    setHeard(previous => ({
      version: previous.version + 1,
      at:
        typeof lastSignal.changedAt === 'string'
          ? lastSignal.changedAt
          : new Date().toISOString(),
    }));
  }, [lastSignal]);
  return {
    live: isSignalsAvailable,
    version: heard.version,
    lastChangeAt: heard.at,
  };
}

const sameDeps = (a: unknown[], b: unknown[]) =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * `useAsyncRetry` that also runs again at each change of the fleet. While it does (and when that
 * read fails) the last value read with the same `deps` stays: the page shows it, with no
 * progress, until the new one replaces it. New `deps` load (and fail) as usual.
 */
export function useLiveAsync<T>(
  read: () => Promise<T>,
  deps: unknown[],
): AsyncStateRetry<T> & { changes: FleetChanges } {
  const changes = useFleetChanges();
  const calls = useRef(0);
  const last = useRef<{ deps: unknown[]; value: T }>();
  const state = useAsyncRetry(() => {
    const call = ++calls.current;
    const readWith = deps;
    return read().then(value => {
      if (call === calls.current) last.current = { deps: readWith, value };
      return value;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, changes.version]);
  const kept =
    last.current && sameDeps(last.current.deps, deps)
      ? last.current
      : undefined;
  if (kept) {
    return {
      loading: false,
      value: kept.value,
      retry: state.retry,
      changes,
    };
  }
  if (state.error)
    return { loading: false, error: state.error, retry: state.retry, changes };
  // Loading, or the one render after `deps` changed, before their read started.
  return { loading: true, retry: state.retry, changes };
}
