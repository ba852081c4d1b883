import { fieldError } from './fieldError';
import { requireString } from './primitives';

const KEY_TYPES = [
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
];
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// eslint-disable-next-line no-control-regex
const COMMENT = /^[\x20-\x7e]{0,256}$/;

/** The key type encoded at the start of the blob (uint32 length + name), or undefined. */
function blobKeyType(body: string): string | undefined {
  if (body.length % 4 !== 0 || !BASE64.test(body)) return undefined;
  const blob = Buffer.from(body, 'base64');
  if (blob.length < 4) return undefined;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || blob.length <= 4 + length)
    return undefined;
  return blob.subarray(4, 4 + length).toString('latin1');
}

/**
 * An OpenSSH public key line `<type> <base64> [comment]` whose decoded blob names the same type.
 * Returned normalised to single spaces.
 */
export function requireSshPublicKey(value: unknown, field: string): string {
  const text = requireString(value, field).trim();
  const [type, body, ...commentWords] = text.split(/ +/);
  const comment = commentWords.join(' ');
  const rule =
    `must be an OpenSSH public key "<type> <base64> [comment]" with type one of ${KEY_TYPES.join(
      ', ',
    )}, ` + 'whose base64 body decodes to a key of that type';
  if (
    text.length > 16384 ||
    !KEY_TYPES.includes(type) ||
    !body ||
    !COMMENT.test(comment)
  ) {
    throw fieldError(field, rule);
  }
  if (blobKeyType(body) !== type) throw fieldError(field, rule);
  return comment ? `${type} ${body} ${comment}` : `${type} ${body}`;
}
