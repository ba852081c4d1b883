/**
 * The trailers of a commit message (the last paragraph's `Key: value` lines): how a request's
 * commit records who asked, which template and the inputs, and how a merge records who merged.
 */
export function commitTrailers(message: string): Record<string, string> {
  const paragraphs = message.trim().split(/\n\s*\n/);
  const trailers: Record<string, string> = {};
  for (const line of paragraphs[paragraphs.length - 1].split('\n')) {
    const match = /^([A-Za-z][A-Za-z0-9-]*): (.*)$/.exec(line);
    if (match) trailers[match[1]] = match[2];
  }
  return trailers;
}
