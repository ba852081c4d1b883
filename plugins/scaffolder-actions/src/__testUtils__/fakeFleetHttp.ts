import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer of the fake fleet backend, or undefined for a 404. */
export type FakeFleetRoute = (
  url: string,
) => { status: number; body: unknown } | undefined;

export interface FakeFleetHttp {
  server: Server;
  /** Its base URL; the actions call `<url>/api/fleet/…`. */
  url: string;
  /** Each request as `<url> with token` or `<url> anonymous`. */
  seen: string[];
  stop(): Promise<void>;
}

/** The fleet backend's HTTP API as the actions call it, answering from `route`. */
export function startFakeFleetHttp(
  route: FakeFleetRoute,
): Promise<FakeFleetHttp> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    seen.push(
      `${url} ${req.headers.authorization ? 'with token' : 'anonymous'}`,
    );
    const answer = route(url) ?? {
      status: 404,
      body: { error: { name: 'NotFoundError', message: `${url} is not here` } },
    };
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  const stop = () =>
    new Promise<void>(resolve => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
        stop,
      }),
    ),
  );
}
