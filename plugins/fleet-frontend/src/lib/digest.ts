/** Shared with the server, which searches the fleet list on the same short digests. */
export { shortDigest } from '@fleet-portal/plugin-fleet-common';

/** The digest part of `repo@sha256:…`, or undefined when the reference is not pinned. */
export function digestOfReference(
  reference: string | undefined,
): string | undefined {
  if (!reference) return undefined;
  const at = reference.lastIndexOf('@');
  return at >= 0 ? reference.slice(at + 1) : undefined;
}

/** The repository part of `repo@sha256:…` or `repo:tag`. */
export function repositoryOfReference(reference: string): string {
  const at = reference.lastIndexOf('@');
  if (at >= 0) return reference.slice(0, at);
  const lastSlash = reference.lastIndexOf('/');
  const tagColon = reference.indexOf(':', lastSlash + 1);
  return tagColon >= 0 ? reference.slice(0, tagColon) : reference;
}

/**
 * Whether an image a node runs is the desired one. Compares digests when the desired
 * reference is pinned, otherwise the whole reference.
 */
export function imageMatchesDesired(
  actualReference: string,
  desiredReference: string,
): boolean {
  const desiredDigest = digestOfReference(desiredReference);
  const actualDigest = digestOfReference(actualReference);
  if (desiredDigest && actualDigest) return desiredDigest === actualDigest;
  return actualReference === desiredReference;
}
