import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const quietLogger: LoggerService = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => quietLogger,
};

/**
 * An HTTP server with the middleware Backstage's root router puts in front of every plugin
 * (helmet, CORS, compression, request logging, then not-found and error handling), with
 * `routes` mounted at `/api/fleet`.
 */
export async function startBackstageHttpStack(
  routes: express.Router,
): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const middleware = MiddlewareFactory.create({
    config: new ConfigReader({
      backend: { baseUrl: 'http://127.0.0.1', cors: { origin: '*' } },
    }),
    logger: quietLogger,
  });
  const app = express();
  app.use(middleware.helmet());
  app.use(middleware.cors());
  app.use(middleware.compression());
  app.use(middleware.logging());
  app.use('/api/fleet', routes);
  app.use(middleware.notFound());
  app.use(middleware.error());
  const server = await new Promise<Server>(ok => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((ok, fail) =>
        server.close(error => (error ? fail(error) : ok())),
      ),
  };
}

/**
 * The floor under the card API: the same HTTP stack answering every cluster path with one
 * fixed, already-compressed body and no fleet code at all. What the card API costs above this
 * is the fleet plugin's; the rest is Express and Backstage's middleware.
 */
export function fixedBodyRoutes(gzipBody: Buffer): express.Router {
  const routes = express.Router();
  routes.get('/clusters/:management/:namespace/:name', (_req, res) => {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', gzipBody.length);
    res.end(gzipBody);
  });
  return routes;
}
