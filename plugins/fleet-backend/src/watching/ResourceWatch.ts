import { ApiException } from '@kubernetes/client-node';
import { classifyReadError } from '../reading/classifyReadError';
import {
  KubeReader,
  TooManyObjectsError,
  type KubeObject,
} from '../reading/KubeReader';
import { withTimeout } from '../reading/withTimeout';
import { jitteredBackoff } from './backoff';
import { WakeableSleep } from './WakeableSleep';
import { ObjectCache } from './ObjectCache';
import { trimObject } from './trimObjects';
import type {
  ResourceWatchOptions,
  ResourceWatchState,
  WatchPhase,
} from './resourceWatchTypes';
import type { WatchEnd } from './watchStream';
import { EXPIRED, followWatch } from './followWatch';

export { watchPath } from './followWatch';

export type {
  ResourceWatchOptions,
  ResourceWatchState,
  WatchPhase,
} from './resourceWatchTypes';

function reasonForStatus(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'server-error';
}

/** Watches that break one after another before the resource is polled instead. */
const BROKEN_WATCHES_BEFORE_POLLING = 3;
/** Polls before a resource polled instead of watched is tried with a watch again. */
const WATCH_RETRY_AFTER_POLLS = 10;

/**
 * Holds one resource of one API server current, the way controllers' reflectors do: list, then
 * watch from the list's resourceVersion with bookmarks; a `410 Gone` or a broken stream lists
 * again, failures back off with jitter, and a server that refuses to watch is polled instead.
 */
export class ResourceWatch {
  private readonly cache: ObjectCache;
  private stopped = false;
  private abortWatch?: () => void;
  private readonly waiting = new WakeableSleep();
  private current: ResourceWatchState;
  private readonly random: () => number;
  private readonly now: () => Date;
  private running?: Promise<void>;

  constructor(private readonly options: ResourceWatchOptions) {
    this.cache = new ObjectCache(options.maxObjects);
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
    this.current = {
      resource: options.resource,
      phase: 'listing',
      since: this.now().toISOString(),
      lists: 0,
      synced: false,
    };
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abortWatch?.();
    this.waiting.wake();
    await this.running;
  }

  objects(): KubeObject[] {
    return this.cache.objects();
  }

  state(): ResourceWatchState {
    return this.current;
  }

  private setState(phase: WatchPhase, reason?: string, message?: string): void {
    const same =
      this.current.phase === phase &&
      this.current.reason === reason &&
      this.current.message === message;
    this.current = {
      ...this.current,
      phase,
      reason,
      message,
      since: same ? this.current.since : this.now().toISOString(),
      synced: this.current.synced,
    };
    if (!same) this.options.onState?.(this.current);
  }

  private sleep(ms: number): Promise<void> {
    return this.waiting.sleep(ms);
  }

  private async run(): Promise<void> {
    let failures = 0;
    /** Consecutive watches that broke (not a server's normal close). */
    let brokenWatches = 0;
    /** Why the resource is polled instead of watched, and how many polls since. */
    let fallback:
      | { reason: string; message: string; polls: number }
      | undefined;
    const every = `listing every ${Math.round(
      this.options.pollIntervalMs / 1000,
    )} s instead`;
    while (!this.stopped) {
      const listed = await this.list();
      if (this.stopped) return;
      if (listed === 'failed') {
        failures++;
        await this.sleep(
          jitteredBackoff(failures, this.options.backoff, this.random),
        );
        continue;
      }
      failures = 0;
      if (listed === 'absent') {
        await this.sleep(this.options.pollIntervalMs);
        continue;
      }
      if (fallback && fallback.polls++ < WATCH_RETRY_AFTER_POLLS) {
        this.setState('polling', fallback.reason, fallback.message);
        await this.sleep(this.options.pollIntervalMs);
        continue;
      }
      // Watch, resuming from the last resourceVersion, until the stream cannot be resumed.
      for (;;) {
        const opened = Date.now();
        const { end, events } = await this.watchOnce();
        if (this.stopped || end.kind === 'aborted') return;
        if (end === EXPIRED) break;
        if (end.kind === 'closed') {
          fallback = undefined;
          brokenWatches = 0;
          // A server closing at once with nothing sent is failing, not timing the watch out.
          if (events === 0 && Date.now() - opened < 1000) {
            failures++;
            await this.sleep(
              jitteredBackoff(failures, this.options.backoff, this.random),
            );
          } else failures = 0;
          continue;
        }
        if (
          end.kind === 'refused' &&
          (end.status === 403 || end.status === 405)
        ) {
          fallback = {
            reason: 'watch-refused',
            message: `the server refuses to watch ${this.options.resource} (${end.message}); ${every}`,
            polls: 0,
          };
          break;
        }
        const message =
          end.kind === 'refused' ? end.message : (end as any).message;
        const reason =
          end.kind === 'refused'
            ? reasonForStatus(end.status)
            : (end as any).problem;
        brokenWatches++;
        if (
          end.kind === 'failed' &&
          brokenWatches >= BROKEN_WATCHES_BEFORE_POLLING
        ) {
          // Lists work but every watch breaks the same way: poll rather than flap.
          fallback = {
            reason,
            message: `watching ${this.options.resource} failed ${brokenWatches} times in a row (${message}); ${every}`,
            polls: 0,
          };
          break;
        }
        failures++;
        this.setState('failed', reason, message);
        await this.sleep(
          jitteredBackoff(failures, this.options.backoff, this.random),
        );
        break;
      }
    }
  }

  /** Replaces the objects with a fresh list; says whether the resource could be listed. */
  private async list(): Promise<'listed' | 'absent' | 'failed'> {
    const { options } = this;
    if (this.current.phase !== 'polling' && this.current.phase !== 'failed')
      this.setState('listing');
    const at = this.now().toISOString();
    const limit = options.listLimit ?? (run => run());
    const result = await limit(() =>
      withTimeout(options.listTimeoutMs, signal =>
        new KubeReader(options.kubeConfig, {
          signal,
          pageSize: options.pageSize,
          agents: options.agents,
        }).listWithVersion(options.type, options.namespace, {
          labelSelector: options.labelSelector,
          maxItems: options.maxObjects,
        }),
      ),
    );
    const lists = this.current.lists + 1;
    const replace = (
      items: KubeObject[],
      rv: string | undefined,
      synced: boolean,
    ) => {
      const changed = this.cache.replace(items, rv);
      this.current = { ...this.current, lists, synced };
      if (changed) options.onChange();
    };
    if (result.value) {
      const transform = options.transform ?? trimObject;
      replace(
        result.value.items.map(transform),
        result.value.resourceVersion,
        true,
      );
      return 'listed';
    }
    const error = result.error;
    if (
      options.optional &&
      error instanceof ApiException &&
      error.code === 404
    ) {
      replace([], undefined, true);
      this.setState(
        'polling',
        'not-installed',
        `${options.resource}: the resource is not served`,
      );
      return 'absent';
    }
    if (error instanceof TooManyObjectsError) {
      // Part of a list would show a wrong picture; all of it is what the cap prevents.
      replace([], undefined, false);
      this.setState(
        'failed',
        'too-many-objects',
        `${options.resource}: ${error.message}`,
      );
      return 'failed';
    }
    this.current = { ...this.current, lists };
    const failure = classifyReadError(
      error,
      `listing ${options.resource}`,
      at,
      result.timedOut,
    );
    this.setState('failed', failure.reason, failure.message);
    return 'failed';
  }

  private async watchOnce(): Promise<{ end: WatchEnd; events: number }> {
    const result = await followWatch({
      options: this.options,
      cache: this.cache,
      random: this.random,
      onOpen: abort => {
        this.abortWatch = abort;
        this.setState('watching');
      },
    });
    this.abortWatch = undefined;
    if (this.stopped)
      return { end: { kind: 'aborted' }, events: result.events };
    return result;
  }
}
