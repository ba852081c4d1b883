import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FleetFault, KubeObject } from './types';

/** Watch faults: the API server answers a watch, then misbehaves on the stream. */
export const HOSTILE_WATCH_FAULTS = [
  'watch-drip',
  'watch-endless-event',
  'watch-malformed-event',
  'watch-out-of-order',
] as const;

export type HostileWatchFault = (typeof HOSTILE_WATCH_FAULTS)[number];

export function isHostileWatchFault(
  fault: FleetFault | undefined,
): fault is HostileWatchFault {
  return (HOSTILE_WATCH_FAULTS as readonly string[]).includes(fault ?? '');
}

/**
 * Serves a watch the way a broken or hostile API server (or a proxy in front of one) would,
 * until the client gives up. `objects` are the matching objects, `present`ed.
 */
export function serveHostileWatch(args: {
  fault: HostileWatchFault;
  objects: KubeObject[];
  req: IncomingMessage;
  res: ServerResponse;
  /** Registers the stream so that stop() ends it; returns the unregister function. */
  track: (end: () => void) => () => void;
}): void {
  const { res, req } = args;
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();
  let timer: NodeJS.Timeout | undefined;
  let untrack = () => {};
  const finish = () => {
    clearInterval(timer);
    untrack();
    if (!res.writableEnded) res.end();
  };
  untrack = args.track(finish);
  req.on('close', finish);
  res.on('close', finish);
  const write = (text: string) => {
    if (!res.destroyed && !res.writableEnded) res.write(text);
  };
  const first = args.objects[0];
  const line = (type: string, object: unknown) =>
    `${JSON.stringify({ type, object })}\n`;

  switch (args.fault) {
    case 'watch-drip': {
      // One byte a second: the connection is alive, the event never arrives in useful time.
      const text = line('MODIFIED', first ?? { metadata: { name: 'x' } });
      let at = 0;
      timer = setInterval(() => {
        if (at < text.length) write(text[at++]);
      }, 1_000);
      break;
    }
    case 'watch-endless-event': {
      // An event that never ends: 64 KiB more of one string every few milliseconds.
      write('{"type":"ADDED","object":{"metadata":{"name":"');
      const chunk = 'x'.repeat(64 * 1024);
      timer = setInterval(() => write(chunk), 5);
      break;
    }
    case 'watch-malformed-event':
      if (first) write(line('MODIFIED', first));
      write('{"type":"MODIFIED","object":{"metadata":\n');
      break;
    case 'watch-out-of-order':
      if (first)
        write(
          line('MODIFIED', {
            ...first,
            metadata: { ...first.metadata, resourceVersion: '1' },
          }),
        );
      break;
    default:
      break;
  }
  timer?.unref();
}
