const DIGEST_HEX_SHOWN = 8;

/**
 * Shortens an OCI digest (or a `repo@digest` reference) for display:
 * `sha256:1a2b3c4d5e6f…` becomes `sha256:1a2b3c4d…`.
 */
export function shortDigest(digestOrReference: string | undefined): string {
  if (!digestOrReference) return '';
  const at = digestOrReference.lastIndexOf('@');
  const digest = at >= 0 ? digestOrReference.slice(at + 1) : digestOrReference;
  const colon = digest.indexOf(':');
  if (colon < 0) return digest;
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (hex.length <= DIGEST_HEX_SHOWN) return digest;
  return `${algorithm}:${hex.slice(0, DIGEST_HEX_SHOWN)}…`;
}

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
