/**
 * A load generator in its own process: `concurrency` clients, each on its own keep-alive
 * connection, sending GET requests one after another for `durationMs`, cycling through
 * `paths`, with the Accept-Encoding a browser sends. A latency runs from writing the request
 * to the last byte of the body (decoding it is the browser's work, not the server's).
 *
 * It speaks HTTP/1.1 on raw sockets, as wrk does, instead of using Node's http client: on a
 * 2-core machine that client spent half as much CPU per request as the server under test
 * (0.10 against 0.2 ms), and that CPU is taken from the server. Responses must carry Content-Length (the card API's
 * do); anything else fails the run.
 */
import net from 'node:net';
import { parseResponseHead } from './httpResponseHead';

interface LoadOrder {
  baseUrl: string;
  paths: string[];
  concurrency: number;
  durationMs: number;
}

function requestBytes(url: URL, path: string): Buffer {
  return Buffer.from(
    `GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: application/json\r\n` +
      `Accept-Encoding: gzip, deflate, br, zstd\r\nConnection: keep-alive\r\n\r\n`,
    'latin1',
  );
}

/** One connection sending requests back to back until `until`; resolves with its latencies. */
function runConnection(
  url: URL,
  requests: Buffer[],
  firstIndex: number,
  until: number,
): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const socket = net.connect(Number(url.port || 80), url.hostname);
    let settled = false;
    socket.setNoDelay(true);
    let next = firstIndex;
    let started = 0n;
    let head = Buffer.alloc(0);
    let bodyLeft = -1;

    const send = () => {
      if (Date.now() >= until) {
        settled = true;
        socket.end();
        resolve(latencies);
        return;
      }
      head = Buffer.alloc(0);
      bodyLeft = -1;
      started = process.hrtime.bigint();
      socket.write(requests[next++ % requests.length]);
    };

    socket.on('connect', send);
    socket.on('error', reject);
    socket.on('close', () => {
      if (!settled) {
        reject(new Error('the card API closed a connection mid-run'));
      }
    });
    socket.on('data', (chunk: Buffer) => {
      let rest = chunk;
      if (bodyLeft < 0) {
        head = Buffer.concat([head, chunk]);
        let parsed;
        try {
          parsed = parseResponseHead(head);
        } catch (error) {
          reject(error);
          socket.destroy();
          return;
        }
        if (!parsed) return;
        if (parsed.status !== 200) {
          reject(new Error(`the card API answered ${parsed.status}`));
          socket.destroy();
          return;
        }
        bodyLeft = parsed.contentLength;
        rest = head.subarray(parsed.headLength);
      }
      bodyLeft -= rest.length;
      if (bodyLeft === 0) {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        send();
      } else if (bodyLeft < 0) {
        reject(new Error('the card API sent more bytes than Content-Length'));
        socket.destroy();
      }
    });
  });
}

process.on('message', async (order: LoadOrder) => {
  const url = new URL(order.baseUrl);
  const requests = order.paths.map(path => requestBytes(url, path));
  const until = Date.now() + order.durationMs;
  const cpuBefore = process.cpuUsage();
  try {
    const perConnection = await Promise.all(
      Array.from({ length: order.concurrency }, (_, i) =>
        runConnection(
          url,
          requests,
          Math.floor((i * requests.length) / order.concurrency),
          until,
        ),
      ),
    );
    const latencies = perConnection.flat();
    const cpu = process.cpuUsage(cpuBefore);
    process.send!({
      latencies,
      cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / latencies.length,
    });
  } catch (error) {
    process.send!({ error: String(error) });
  }
});
process.send!({ ready: true });
