import type { Request, Response } from 'express';
import type { CachedJson } from './VersionedJsonCache';

function ifNoneMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .some(candidate => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends a cached body: gzip-encoded when the client accepts it (browsers always do), with
 * an ETag per encoding so polling clients revalidate to a 304.
 */
export async function sendCachedJson(
  req: Request,
  res: Response,
  cached: CachedJson,
): Promise<void> {
  const encoding = req.acceptsEncodings('gzip', 'identity') || 'identity';
  const etag = cached.etagFor(encoding === 'gzip' ? 'gzip' : 'identity');
  res.vary('Accept-Encoding');
  res.setHeader('ETag', etag);
  // no-transform: the root router's compression must not re-encode a body under this ETag.
  res.setHeader('Cache-Control', 'private, no-cache, no-transform');
  if (ifNoneMatches(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  const body = encoding === 'gzip' ? await cached.gzipped() : cached.body;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (encoding === 'gzip') res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', body.length);
  res.end(body);
}
