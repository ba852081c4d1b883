import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '../reading/KubeReader';

export type WatchEventType =
  | 'ADDED'
  | 'MODIFIED'
  | 'DELETED'
  | 'BOOKMARK'
  | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject & { code?: number; message?: string; reason?: string };
}

/** Why a watch stream ended. */
export type WatchEnd =
  /** The server closed the stream (its timeout, a restart): resume from the last resourceVersion. */
  | { kind: 'closed' }
  /** The server answered the watch with an HTTP error: it may not allow watching. */
  | { kind: 'refused'; status: number; message: string }
  /** The stream broke or the server sent something a watch must not carry. */
  | { kind: 'failed'; problem: WatchProblem; message: string }
  | { kind: 'aborted' };

export type WatchProblem =
  | 'unreachable'
  | 'malformed-event'
  | 'event-too-large'
  | 'stalled';

export interface WatchLimits {
  /** An event longer than this ends the watch (memory stays bounded whatever the server sends). */
  maxEventBytes: number;
  /** An event begun but not finished within this time ends the watch (a server dripping bytes). */
  eventTimeoutMs: number;
  /** No byte at all for this long ends the watch (a connection that died silently). */
  idleTimeoutMs: number;
}

const EVENT_TYPES = new Set<string>([
  'ADDED',
  'MODIFIED',
  'DELETED',
  'BOOKMARK',
  'ERROR',
]);

/** A watch's stream as events, or why the line cannot be one. */
export function parseWatchLine(line: string): WatchEvent | string {
  let parsed: any;
  try {
    parsed = JSON.parse(line);
  } catch {
    return 'an event is not valid JSON';
  }
  if (!parsed || typeof parsed !== 'object' || !EVENT_TYPES.has(parsed.type))
    return 'an event has no known type';
  if (!parsed.object || typeof parsed.object !== 'object')
    return `a ${parsed.type} event has no object`;
  if (
    parsed.type !== 'ERROR' &&
    typeof parsed.object.metadata?.resourceVersion !== 'string'
  )
    return `a ${parsed.type} event's object has no metadata.resourceVersion`;
  if (
    parsed.type !== 'ERROR' &&
    parsed.type !== 'BOOKMARK' &&
    typeof parsed.object.metadata?.name !== 'string'
  )
    return `a ${parsed.type} event's object has no metadata.name`;
  return parsed as WatchEvent;
}

/**
 * Opens one watch with the kubeconfig's server, CA and credentials as client-node applies them.
 * client-node's own Watch buffers a line without bound and drops events it cannot parse in
 * silence; a watch of a fleet must bound its memory and say why a stream was given up.
 */
export async function openWatch(args: {
  kubeConfig: KubeConfig;
  /** The list path, e.g. `/api/v1/nodes` or `/apis/g/v/namespaces/ns/plural`. */
  path: string;
  query: Record<string, string | undefined>;
  limits: WatchLimits;
  onEvent: (event: WatchEvent) => void;
}): Promise<{ ended: Promise<WatchEnd>; abort: () => void }> {
  const cluster = args.kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig names no current cluster');
  const url = new URL(cluster.server + args.path);
  url.searchParams.set('watch', 'true');
  for (const [key, value] of Object.entries(args.query))
    if (value !== undefined) url.searchParams.set(key, value);
  const options: https.RequestOptions = {};
  await args.kubeConfig.applyToHTTPSOptions(options);
  const transport = url.protocol === 'https:' ? https : http;

  let finish: (end: WatchEnd) => void = () => {};
  const ended = new Promise<WatchEnd>(resolve => {
    finish = resolve;
  });
  const request = transport.request(url, {
    ...options,
    method: 'GET',
    headers: { ...options.headers, Accept: 'application/json' },
  });
  let done = false;
  let idleTimer: NodeJS.Timeout | undefined;
  let eventTimer: NodeJS.Timeout | undefined;
  const end = (result: WatchEnd) => {
    if (done) return;
    done = true;
    clearTimeout(idleTimer);
    clearTimeout(eventTimer);
    request.destroy();
    finish(result);
  };
  const fail = (problem: WatchProblem, message: string) =>
    end({ kind: 'failed', problem, message });
  const resetIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(
      () =>
        fail(
          'stalled',
          `the watch sent nothing for ${Math.round(
            args.limits.idleTimeoutMs / 1000,
          )} s`,
        ),
      args.limits.idleTimeoutMs,
    );
  };

  request.on('error', error => {
    const code = (error as any).code;
    fail(
      'unreachable',
      `the watch connection failed${code ? ` (${code})` : ''}`,
    );
  });
  request.on('response', response => {
    if (response.statusCode !== 200) {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= 16_384) chunks.push(chunk);
      });
      response.on('end', () => {
        let message = `HTTP ${response.statusCode}`;
        try {
          const status = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (typeof status?.message === 'string')
            message += `: ${status.message.slice(0, 300)}`;
        } catch {
          // a status without a Status body: the code says enough
        }
        end({ kind: 'refused', status: response.statusCode ?? 0, message });
      });
      return;
    }
    resetIdle();
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    response.on('data', (chunk: Buffer) => {
      if (done) return;
      resetIdle();
      let start = 0;
      for (;;) {
        const newline = chunk.indexOf(10, start);
        if (newline < 0) break;
        pending.push(chunk.subarray(start, newline));
        const line = Buffer.concat(pending).toString('utf8');
        pending = [];
        pendingBytes = 0;
        clearTimeout(eventTimer);
        eventTimer = undefined;
        start = newline + 1;
        if (line.length > args.limits.maxEventBytes) {
          fail(
            'event-too-large',
            `an event is larger than ${args.limits.maxEventBytes} bytes`,
          );
          return;
        }
        if (!line.trim()) continue;
        const event = parseWatchLine(line);
        if (typeof event === 'string') {
          fail('malformed-event', event);
          return;
        }
        args.onEvent(event);
        if (done) return;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > args.limits.maxEventBytes) {
          fail(
            'event-too-large',
            `an event is larger than ${args.limits.maxEventBytes} bytes`,
          );
          return;
        }
        eventTimer ??= setTimeout(
          () =>
            fail(
              'stalled',
              `an event took longer than ${Math.round(
                args.limits.eventTimeoutMs / 1000,
              )} s to arrive`,
            ),
          args.limits.eventTimeoutMs,
        );
      }
    });
    response.on('end', () => end({ kind: 'closed' }));
    // A server that drops the connection mid-stream (a restart) ends it like a close.
    response.on('close', () => end({ kind: 'closed' }));
    response.on('error', () =>
      fail('unreachable', 'the watch stream broke off'),
    );
  });
  request.end();
  return { ended, abort: () => end({ kind: 'aborted' }) };
}
