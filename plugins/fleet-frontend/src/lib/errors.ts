/** True when the backend refused the read for lack of permission (HTTP 403). */
export function isPermissionDenied(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const candidate = error as {
    statusCode?: number;
    response?: { status?: number };
    cause?: { name?: string };
    name?: string;
  };
  return (
    candidate.statusCode === 403 ||
    candidate.response?.status === 403 ||
    candidate.name === 'NotAllowedError' ||
    candidate.cause?.name === 'NotAllowedError'
  );
}

/** True when the backend answered 404 (nothing there). */
export function isNotFound(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const candidate = error as {
    statusCode?: number;
    response?: { status?: number };
    cause?: { name?: string };
    name?: string;
  };
  return (
    candidate.statusCode === 404 ||
    candidate.response?.status === 404 ||
    candidate.name === 'NotFoundError' ||
    candidate.cause?.name === 'NotFoundError'
  );
}

/** A short reason for a failed read, for helper texts. */
export function describeReadError(error: unknown): string {
  if (isPermissionDenied(error)) return 'you lack permission to read the fleet';
  // A ResponseError's own message is generic; the server's error is its cause.
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause;
  if (typeof cause?.message === 'string' && cause.message) return cause.message;
  if (error instanceof Error && error.message) return error.message;
  return 'the fleet could not be read';
}
