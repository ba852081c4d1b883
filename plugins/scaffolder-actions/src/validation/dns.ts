import { fieldError } from './fieldError';
import { requireInteger, requireString } from './primitives';

/**
 * DNS names. Choice documented in the README: targets of CNAME, MX and SRV records and the SOA
 * names are written as ABSOLUTE names with a trailing dot; the input may give them with or without
 * it (`mail.example.com` and `mail.example.com.` both become `mail.example.com.`). To keep that
 * safe, such a target must have at least two labels, so a relative `www` is an error instead of
 * silently becoming the top-level name `www.`. Names are lowercased.
 */

const HOST_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const OWNER_LABEL = /^(\*|_?[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?|_[a-z0-9])$/;

export const MIN_TTL = 30;
export const MAX_TTL = 2147483647;

function hostLabels(name: string): string[] | undefined {
  const labels = name.split('.');
  return labels.every(label => HOST_LABEL.test(label)) ? labels : undefined;
}

/** `example.com` (a trailing dot is accepted and dropped, as bindy's `zoneName` wants). */
export function requireZoneName(value: unknown, field: string): string {
  const text = requireString(value, field).toLowerCase();
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  const labels = hostLabels(name);
  if (!labels || labels.length < 2 || name.length > 63) {
    throw fieldError(
      field,
      'must be a DNS zone like example.com: at least two dot-separated labels of letters, digits and "-", at most 63 characters (it is also the bindy.firestoned.io/zone label value)',
    );
  }
  return name;
}

/** An absolute host name, returned with its trailing dot. */
export function requireAbsoluteHostName(value: unknown, field: string): string {
  const text = requireString(value, field).toLowerCase();
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  const labels = hostLabels(name);
  if (!labels || labels.length < 2 || name.length > 253) {
    throw fieldError(
      field,
      'must be a fully qualified host name like mail.example.com (trailing dot optional): at least two labels of letters, digits and "-", each 1-63 characters, at most 253 in total',
    );
  }
  return `${name}.`;
}

/** An SOA RNAME: `hostmaster@example.com` or `hostmaster.example.com.`, returned in DNS form. */
export function requireSoaMailbox(value: unknown, field: string): string {
  const text = requireString(value, field).toLowerCase();
  const at = text.indexOf('@');
  if (at === -1) return requireAbsoluteHostName(text, field);
  const local = text.slice(0, at);
  if (!HOST_LABEL.test(local)) {
    throw fieldError(
      field,
      'must be a mailbox like hostmaster@example.com whose local part is letters, digits and "-" only',
    );
  }
  return requireAbsoluteHostName(`${local}.${text.slice(at + 1)}`, field);
}

/**
 * A record owner name relative to the zone: `@` for the apex, `www`, `_sip._tcp`, `*.apps`.
 * Absolute names are rejected rather than guessed at.
 */
export function requireRelativeRecordName(
  value: unknown,
  field: string,
  zone: string,
): string {
  const text = requireString(value, field).toLowerCase();
  if (text === '@') return text;
  if (text.endsWith('.') || text === zone || text.endsWith(`.${zone}`)) {
    throw fieldError(
      field,
      `must be relative to the zone ${zone}: use "www" for www.${zone} and "@" for the apex`,
    );
  }
  const labels = text.split('.');
  const valid =
    labels.every(
      (label, i) => OWNER_LABEL.test(label) && (label !== '*' || i === 0),
    ) && text.length + zone.length + 1 <= 253;
  if (!valid) {
    throw fieldError(
      field,
      'must be "@" or dot-separated labels of letters, digits, "-" and "_" (a leading "*" label is allowed), fitting 253 characters with the zone',
    );
  }
  return text;
}

export function requireTtl(value: unknown, field: string): number {
  return requireInteger(value, field, MIN_TTL, MAX_TTL);
}
