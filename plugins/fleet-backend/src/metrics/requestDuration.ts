import type { MetricsService } from '@backstage/backend-plugin-api/alpha';
import type express from 'express';

const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

/**
 * The attributes of one answered request, after OpenTelemetry's HTTP conventions: the route
 * pattern (`/clusters/:management/:namespace/:name`), never the path, so the number of series
 * stays bounded whatever is asked; no route when none matched (e.g. a refusal before routing).
 */
export function requestAttributes(
  method: string,
  route: unknown,
  statusCode: number,
): Record<string, string | number> {
  return {
    'http.request.method': KNOWN_METHODS.has(method) ? method : '_OTHER',
    ...(typeof route === 'string' ? { 'http.route': route } : {}),
    'http.response.status_code': statusCode,
  };
}

/**
 * Records how long each request to `/api/fleet` took, until its response was sent, in
 * `fleet.api.request.duration`. Mounted before the plugin's routers; they are all mounted at
 * the plugin's root, so the matched route's path is the whole pattern below `/api/fleet`.
 */
export function requestDurationMiddleware(
  metrics: MetricsService,
): express.RequestHandler {
  const duration = metrics.createHistogram('fleet.api.request.duration', {
    description:
      'How long the fleet API took to answer a request, by route and status code',
    unit: 's',
    advice: {
      explicitBucketBoundaries: [
        0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5,
        10,
      ],
    },
  });
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      duration.record(
        (performance.now() - started) / 1000,
        requestAttributes(req.method, req.route?.path, res.statusCode),
      );
    });
    next();
  };
}
