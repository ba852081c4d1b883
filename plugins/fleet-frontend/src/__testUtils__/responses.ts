import { ResponseError } from '@backstage/errors';

/** A minimal fetch `Response` carrying JSON. */
export function jsonResponse(
  status: number,
  body: unknown,
  url = 'http://backstage.test/api/fleet',
): Response {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 200 ? 'OK' : 'Error',
    url,
    headers: new Headers({ 'content-type': 'application/json' }),
    json: async () => JSON.parse(text),
    text: async () => text,
  } as unknown as Response;
}

const ERROR_NAMES: Record<number, string> = {
  403: 'NotAllowedError',
  404: 'NotFoundError',
  409: 'ConflictError',
  500: 'Error',
};

/** The ResponseError `FleetClient` throws for a backend error of this status. */
export function responseError(
  status: number,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    jsonResponse(status, {
      error: { name: ERROR_NAMES[status] ?? 'Error', message },
      request: { method: 'GET', url: '/api/fleet/clusters' },
      response: { statusCode: status },
    }),
  );
}
