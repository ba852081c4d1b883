import type { ResourceType } from '../reading/KubeReader';
import type { ObjectCache } from './ObjectCache';
import type { ResourceWatchOptions } from './resourceWatchTypes';
import { trimObject } from './trimObjects';
import { openWatch, type WatchEnd } from './watchStream';

/** A watch that must list again: `410 Gone`, the resourceVersion is too old to resume from. */
export const EXPIRED: WatchEnd = { kind: 'closed' };

/**
 * One watch from the cache's resourceVersion: applies its events to the cache until the stream
 * ends, and says how it ended (EXPIRED for a 410 Gone).
 */
export async function followWatch(args: {
  options: ResourceWatchOptions;
  cache: ObjectCache;
  random: () => number;
  /** The watch is open: how to end it. */
  onOpen: (abort: () => void) => void;
}): Promise<{ end: WatchEnd; events: number }> {
  const { options, cache } = args;
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
        resourceVersion: cache.resourceVersion,
        allowWatchBookmarks: 'true',
        labelSelector: options.labelSelector,
        timeoutSeconds: String(
          Math.round(options.watchTimeoutSeconds * (1 + args.random() * 0.5)),
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
                    event.object.message ?? event.object.reason ?? 'no message',
                  ).slice(0, 300)}`,
                },
          );
          return;
        }
        const applied = cache.apply(
          event.type === 'BOOKMARK'
            ? event
            : {
                ...event,
                object: (options.transform ?? trimObject)(event.object),
              },
        );
        if (applied.kind === 'rejected') {
          if (cache.size === 0) options.onChange();
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
  args.onOpen(watch.abort);
  const end = await watch.ended;
  if (stop) return { end: stop, events };
  if (end.kind === 'refused' && end.status === 410)
    return { end: EXPIRED, events };
  return { end, events };
}

export function watchPath(
  type: ResourceType | 'nodes',
  namespace: string | undefined,
): string {
  if (type === 'nodes') return '/api/v1/nodes';
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `/apis/${type.group}/${type.version}${ns}/${type.plural}`;
}
