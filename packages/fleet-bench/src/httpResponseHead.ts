export interface ResponseHead {
  status: number;
  contentLength: number;
  /** Bytes of the status line and headers, including the blank line that ends them. */
  headLength: number;
}

const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');

/**
 * The status and Content-Length of an HTTP/1.1 response, once its head has fully arrived;
 * undefined while it has not. A head without Content-Length (e.g. chunked) is an error: the
 * load generator counts body bytes to know when a response ended.
 */
export function parseResponseHead(bytes: Buffer): ResponseHead | undefined {
  const end = bytes.indexOf(HEAD_END);
  if (end < 0) return undefined;
  const lines = bytes.toString('latin1', 0, end).split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
  if (!status) throw new Error(`not an HTTP/1.1 response: ${lines[0]}`);
  let contentLength: number | undefined;
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (line.slice(0, colon).trim().toLowerCase() === 'content-length') {
      const value = line.slice(colon + 1).trim();
      contentLength = /^\d+$/.test(value) ? Number(value) : NaN;
    }
  }
  if (contentLength === undefined || !Number.isInteger(contentLength)) {
    throw new Error(`response ${status[1]} has no Content-Length`);
  }
  return {
    status: Number(status[1]),
    contentLength,
    headLength: end + HEAD_END.length,
  };
}
