/**
 * A load generator in its own process: `concurrency` clients, each sending GET requests one
 * after another over keep-alive connections for `durationMs`, cycling through `paths`.
 * Reports every latency in milliseconds to the parent.
 */
import http from 'node:http';

interface LoadOrder {
  baseUrl: string;
  paths: string[];
  concurrency: number;
  durationMs: number;
}

function get(agent: http.Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get(url, { agent }, res => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200)
            reject(new Error(`${url} answered ${res.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      })
      .on('error', reject);
  });
}

process.on('message', async (order: LoadOrder) => {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: order.concurrency,
  });
  const latencies: number[] = [];
  const until = Date.now() + order.durationMs;
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: order.concurrency }, async () => {
        while (Date.now() < until) {
          const path = order.paths[next++ % order.paths.length];
          latencies.push(await get(agent, `${order.baseUrl}${path}`));
        }
      }),
    );
    process.send!({ latencies });
  } catch (error) {
    process.send!({ error: String(error) });
  } finally {
    agent.destroy();
  }
});
process.send!({ ready: true });
