import { ApiException } from '@kubernetes/client-node';
import { KubeconfigRejectedError } from '../connections/kubeConfigFromSecret';
import { classifyReadError } from './classifyReadError';
import { MalformedResponseError } from './KubeReader';

const at = '2026-11-01T00:00:00Z';
const status = (code: number, message: string) =>
  new ApiException(code, 'x', JSON.stringify({ kind: 'Status', message }), {});

describe('classifyReadError', () => {
  it.each([
    [status(401, 'Unauthorized'), 'unauthorized', 'HTTP 401: Unauthorized'],
    [
      status(403, 'nodes is forbidden'),
      'forbidden',
      'HTTP 403: nodes is forbidden',
    ],
    [status(404, 'not found'), 'not-found', 'HTTP 404: not found'],
    [status(500, 'boom'), 'server-error', 'HTTP 500: boom'],
    [
      status(410, 'continue token expired'),
      'server-error',
      'HTTP 410: continue token expired',
    ],
  ])('maps API statuses to a reason', (error, reason, message) => {
    expect(classifyReadError(error, 'nodes', at, false)).toEqual({
      reason,
      message,
      during: 'nodes',
      at,
    });
  });

  it('maps network, timeout, malformed and kubeconfig failures', () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ECONNREFUSED' },
    });
    expect(classifyReadError(refused, 'x', at, false).reason).toBe(
      'unreachable',
    );
    expect(classifyReadError(new Error('aborted'), 'x', at, true).reason).toBe(
      'timeout',
    );
    const truncated = Object.assign(new Error('Premature close'), {
      code: 'ERR_STREAM_PREMATURE_CLOSE',
    });
    expect(classifyReadError(truncated, 'x', at, false).reason).toBe(
      'malformed-response',
    );
    expect(
      classifyReadError(new SyntaxError('Unexpected token'), 'x', at, false)
        .reason,
    ).toBe('malformed-response');
    expect(
      classifyReadError(new MalformedResponseError('no items'), 'x', at, false)
        .reason,
    ).toBe('malformed-response');
    expect(
      classifyReadError(new KubeconfigRejectedError('exec'), 'x', at, false),
    ).toMatchObject({ reason: 'kubeconfig-rejected', message: 'exec' });
  });
});
