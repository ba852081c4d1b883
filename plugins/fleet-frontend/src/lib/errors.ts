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
