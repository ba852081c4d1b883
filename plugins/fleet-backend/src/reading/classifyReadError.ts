import { ApiException } from '@kubernetes/client-node';
import type {
  ReadFailure,
  ReadFailureReason,
} from '@fleet-portal/plugin-fleet-common';
import { KubeconfigRejectedError } from '../connections/kubeConfigFromSecret';
import { MalformedResponseError } from './KubeReader';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  let current: any = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string') return current.code;
    current = current.cause;
  }
  return undefined;
}

function statusMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body);
      return typeof parsed?.message === 'string' ? parsed.message : undefined;
    } catch {
      return undefined;
    }
  }
  const message = (body as any)?.message;
  return typeof message === 'string' ? message : undefined;
}

function reasonForStatus(code: number): ReadFailureReason {
  if (code === 401) return 'unauthorized';
  if (code === 403) return 'forbidden';
  if (code === 404) return 'not-found';
  if (code >= 200 && code < 300) return 'malformed-response';
  return 'server-error';
}

/**
 * Turns whatever a read threw into a typed, secret-free failure. Messages are built from the
 * status code and the API server's Status message only, never from request headers or bodies.
 */
export function classifyReadError(
  error: unknown,
  during: string,
  at: string,
  timedOut: boolean,
): ReadFailure {
  const make = (reason: ReadFailureReason, message: string): ReadFailure => ({
    reason,
    message,
    during,
    at,
  });
  if (timedOut) {
    return make(
      'timeout',
      'the cluster did not answer within the per-cluster timeout',
    );
  }
  if (error instanceof KubeconfigRejectedError) {
    return make('kubeconfig-rejected', error.message);
  }
  if (error instanceof MalformedResponseError || error instanceof SyntaxError) {
    return make(
      'malformed-response',
      `the API server sent a response that is not valid: ${error.message}`,
    );
  }
  if (error instanceof ApiException) {
    const reason = reasonForStatus(error.code);
    const detail = statusMessage(error.body);
    const message =
      reason === 'malformed-response'
        ? 'the API server sent a response that is not a valid Kubernetes object'
        : `HTTP ${error.code}${detail ? `: ${detail}` : ''}`;
    return make(reason, message);
  }
  const code = errorCode(error);
  if (code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return make(
      'malformed-response',
      'the response ended before it could be read completely',
    );
  }
  if (code && NETWORK_CODES.has(code)) {
    return make('unreachable', `the API server cannot be reached (${code})`);
  }
  const name = (error as any)?.name;
  if (name === 'AbortError' || name === 'TimeoutError') {
    return make(
      'timeout',
      'the request was aborted before the API server answered',
    );
  }
  if (code) return make('unreachable', `the request failed (${code})`);
  const detail =
    typeof (error as any)?.message === 'string'
      ? `: ${(error as any).message.slice(0, 200)}`
      : '';
  return make(
    'malformed-response',
    `the response could not be read (${name ?? 'unknown error'}${detail})`,
  );
}
