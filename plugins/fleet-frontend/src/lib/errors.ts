/** True when a failed fetch carries this HTTP status or the matching Backstage error name. */
function hasStatus(error: unknown, status: number, name: string): boolean {
  if (!error || typeof error !== 'object') return false;
  const candidate = error as {
    statusCode?: number;
    response?: { status?: number };
    cause?: { name?: string };
    name?: string;
  };
  return (
    candidate.statusCode === status ||
    candidate.response?.status === status ||
    candidate.name === name ||
    candidate.cause?.name === name
  );
}

/** True when the backend refused the read for lack of permission (HTTP 403). */
export function isPermissionDenied(error: unknown): boolean {
  return hasStatus(error, 403, 'NotAllowedError');
}

/** True when the backend answered 404 (nothing there). */
export function isNotFound(error: unknown): boolean {
  return hasStatus(error, 404, 'NotFoundError');
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

/** The backend's own words for a failed call (a ResponseError carries them as its cause). */
export function serverMessage(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause;
  if (typeof cause?.message === 'string' && cause.message) return cause.message;
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
