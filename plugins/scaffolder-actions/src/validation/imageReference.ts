import { fieldError } from './fieldError';
import { requireString } from './primitives';

/**
 * OCI image references pinned by digest: `[registry[:port]/]path[:tag]@sha256:<64 lowercase hex>`.
 * The digest is the pin that is recorded; a tag next to it is kept for places that only take
 * `repo:tag` (VirtRigaud's VMImage).
 */

const DOMAIN =
  /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*(:[0-9]{1,5})?$/;
const PATH_COMPONENT = /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;

export interface DigestReference {
  /** `registry/path`, no tag. */
  repository: string;
  /** The tag given next to the digest, if any. */
  tag?: string;
  /** `sha256:<hex>`. */
  digest: string;
  /** `repository@digest`. */
  reference: string;
}

function isRepository(text: string): boolean {
  if (text.length === 0 || text.length > 255) return false;
  const parts = text.split('/');
  const first = parts[0];
  const hasDomain =
    parts.length > 1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasDomain && !DOMAIN.test(first)) return false;
  return (hasDomain ? parts.slice(1) : parts).every(part =>
    PATH_COMPONENT.test(part),
  );
}

/** Splits `repo[:tag]` where the tag is after the last "/". */
function splitTag(text: string): { repository: string; tag?: string } {
  const lastSlash = text.lastIndexOf('/');
  const colon = text.indexOf(':', lastSlash + 1);
  if (colon === -1) return { repository: text };
  return { repository: text.slice(0, colon), tag: text.slice(colon + 1) };
}

export function parseDigestReference(
  text: string,
): DigestReference | undefined {
  const at = text.indexOf('@');
  if (at === -1) return undefined;
  const digest = text.slice(at + 1);
  const { repository, tag } = splitTag(text.slice(0, at));
  if (!SHA256_DIGEST.test(digest) || !isRepository(repository))
    return undefined;
  if (tag !== undefined && !TAG.test(tag)) return undefined;
  return { repository, tag, digest, reference: `${repository}@${digest}` };
}

export function requireDigestReference(
  value: unknown,
  field: string,
): DigestReference {
  const text = requireString(value, field);
  const parsed = parseDigestReference(text);
  if (parsed) return parsed;
  const single = text.length <= 300 && !/[\s"'`$\\]/.test(text);
  const shown = single ? `"${text}"` : 'the value';
  if (!text.includes('@')) {
    throw fieldError(
      field,
      `${shown} is not pinned by digest; tags can move, so Fleet Portal only accepts repo@sha256:<digest>. ` +
        'Get the digest of the tag with `crane digest <repo>:<tag>` or ' +
        "`skopeo inspect --format '{{.Digest}}' docker://<repo>:<tag>` and pass <repo>@sha256:<64 hex digits>",
    );
  }
  throw fieldError(
    field,
    'must be an OCI reference pinned by digest: [registry/]path@sha256: followed by 64 lowercase hex digits',
  );
}
