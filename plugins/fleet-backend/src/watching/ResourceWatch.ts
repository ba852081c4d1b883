import type { KubeConfig } from '@kubernetes/client-node';
import { ApiException } from '@kubernetes/client-node';
import type { AgentPool } from '../reading/AgentPool';
import { classifyReadError } from '../reading/classifyReadError';
import {
  KubeReader,
  TooManyObjectsError,
  type KubeObject,
  type ResourceType,
} from '../reading/KubeReader';
import { withTimeout } from '../reading/withTimeout';
import { jitteredBackoff } from './backoff';
import { ObjectCache } from './ObjectCache';
import { openWatch, type WatchEnd, type WatchLimits } from './watchStream';

/**
 * - `listing`: the first list, or a re-list after a broken or expired watch;
 * - `watching`: the objects are current, changes arrive as they happen;
 * - `polling`: the server refuses to watch (or the resource is not installed), so it is listed
 *   every poll interval instead;
 * - `failed`: the last list failed; the objects are the last ones read, retried with back-off.
 */
export type WatchPhase = 'listing' | 'watching' | 'polling' | 'failed';

export interface ResourceWatchState {
  /** What is watched, in words, e.g. `nodes of cluster team-a/prod-1`. */
  resource: string;
  phase: WatchPhase;
  since: string;
  /** Why it is polling or failed: a read failure reason or a watch problem. */
  reason?: string;
  message?: string;
  /** Lists since start (the first one included). */
  lists: number;
  /** Whether objects() holds a complete list (false before the first list succeeded). */
  synced: boolean;
}

export interface ResourceWatchOptions {
  kubeConfig: KubeConfig;
  type: ResourceType | 'nodes';
  /** One namespace, or every namespace when undefined. */
  namespace?: string;
  labelSelector?: string;
  resource: string;
  /** A resource whose CRD is not installed (404) counts as empty and is listed again each poll. */
  optional?: boolean;
  pageSize?: number;
  /** More objects than this is reported as a failure and none are kept. */
  maxObjects: number;
  limits: WatchLimits;
  listTimeoutMs: number;
  pollIntervalMs: number;
  backoff: { initialMs: number; maxMs: number };
  /** The server ends each watch after about this long (jittered); the next resumes from it. */
  watchTimeoutSeconds: number;
  agents?: AgentPool;
  random?: () => number;
  now?: () => Date;
  /** Called after the objects changed (an event, or a list that replaced them). */
  onChange: () => void;
  onState?: (state: ResourceWatchState) => void;
}

function reasonForStatus(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'server-error';
}

/** A watch that must list again: `410 Gone`, the resourceVersion is too old to resume from. */
const EXPIRED: WatchEnd = { kind: 'closed' };

/**
 * Holds one resource of one API server current, the way controllers' reflectors do: list, then
 * watch from the list's resourceVersion with bookmarks; a `410 Gone` or a broken stream lists
 * again, failures back off with jitter, and a server that refuses to watch is polled instead.
 */
export class ResourceWatch {
  private readonly cache: ObjectCache;
  private stopped = false;
  private abortWatch?: () => void;
  private wake?: () => void;
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
    this.wake?.();
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
    return new Promise(resolve => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    let watchRefused: { reason: string; message: string } | undefined;
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
      if (listed === 'absent' || watchRefused) {
        if (watchRefused)
          this.setState('polling', watchRefused.reason, watchRefused.message);
        failures = 0;
        await this.sleep(this.options.pollIntervalMs);
        continue;
      }
      failures = 0;
      // Watch, resuming from the last resourceVersion, until the stream cannot be resumed.
      for (;;) {
        const opened = Date.now();
        const { end, events } = await this.watchOnce();
        if (this.stopped || end.kind === 'aborted') return;
        if (end.kind === 'closed' && end !== EXPIRED) {
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
          watchRefused = {
            reason: 'watch-refused',
            message: `the server refuses to watch ${this.options.resource} (${
              end.message
            }); listing every ${Math.round(
              this.options.pollIntervalMs / 1000,
            )} s instead`,
          };
          break;
        }
        if (end === EXPIRED) break;
        failures++;
        const message =
          end.kind === 'refused' ? end.message : (end as any).message;
        const reason =
          end.kind === 'refused'
            ? reasonForStatus(end.status)
            : (end as any).problem;
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
    const result = await withTimeout(options.listTimeoutMs, signal =>
      new KubeReader(options.kubeConfig, {
        signal,
        pageSize: options.pageSize,
        agents: options.agents,
      }).listWithVersion(options.type, options.namespace, {
        labelSelector: options.labelSelector,
        maxItems: options.maxObjects,
      }),
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
      replace(result.value.items, result.value.resourceVersion, true);
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
    const { options } = this;
    let events = 0;
    let stop: WatchEnd | undefined;
    let watch: { ended: Promise<WatchEnd>; abort: () => void } | undefined;
    const giveUp = (end: WatchEnd) => {
      stop = end;
      watch?.abort();
    };
    try {
      watch = await openWatch({
        kubeConfig: options.kubeConfig,
        path: watchPath(options.type, options.namespace),
        query: {
          resourceVersion: this.cache.resourceVersion,
          allowWatchBookmarks: 'true',
          labelSelector: options.labelSelector,
          timeoutSeconds: String(
            Math.round(options.watchTimeoutSeconds * (1 + this.random() * 0.5)),
          ),
        },
        limits: options.limits,
        onEvent: event => {
          if (stop) return;
          if (event.type === 'ERROR') {
            giveUp(
              event.object.code === 410
                ? EXPIRED
                : {
                    kind: 'failed',
                    problem: 'malformed-event',
                    message: `the watch sent an error: ${String(
                      event.object.message ??
                        event.object.reason ??
                        'no message',
                    ).slice(0, 300)}`,
                  },
            );
            return;
          }
          const applied = this.cache.apply(event);
          if (applied.kind === 'rejected') {
            if (this.cache.size === 0) options.onChange();
            giveUp({
              kind: 'failed',
              problem: 'malformed-event',
              message: `${options.resource}: ${applied.message}`,
            });
          } else if (applied.kind === 'changed') {
            events++;
            options.onChange();
          }
        },
      });
    } catch (error) {
      return {
        end: {
          kind: 'failed',
          problem: 'unreachable',
          message: `the watch could not be opened: ${(error as Error).message}`,
        },
        events,
      };
    }
    this.abortWatch = watch.abort;
    this.setState('watching');
    const end = await watch.ended;
    this.abortWatch = undefined;
    if (this.stopped) return { end: { kind: 'aborted' }, events };
    if (stop) return { end: stop, events };
    if (end.kind === 'refused' && end.status === 410)
      return { end: EXPIRED, events };
    return { end, events };
  }
}

export function watchPath(
  type: ResourceType | 'nodes',
  namespace: string | undefined,
): string {
  if (type === 'nodes') return '/api/v1/nodes';
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `/apis/${type.group}/${type.version}${ns}/${type.plural}`;
}
