import { isIPv4, isIPv6 } from 'node:net';
import { fieldError } from './fieldError';
import { requireString } from './primitives';

/** Dotted-quad IPv4 without leading zeros (`010.0.0.1` is octal to some parsers: rejected). */
export function isStrictIPv4(text: string): boolean {
  if (!isIPv4(text)) return false;
  return text.split('.').every(part => part === '0' || !part.startsWith('0'));
}

/** IPv6 without zone index (`%eth0`) and without embedded IPv4 leading zeros. */
export function isStrictIPv6(text: string): boolean {
  if (text.includes('%') || !isIPv6(text)) return false;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  return !tail.includes('.') || isStrictIPv4(tail);
}

export function requireIPv4(value: unknown, field: string): string {
  const text = requireString(value, field);
  if (!isStrictIPv4(text)) {
    throw fieldError(
      field,
      'must be an IPv4 address like 192.0.2.10 (four numbers 0-255, no leading zeros)',
    );
  }
  return text;
}

export function requireIPv6(value: unknown, field: string): string {
  const text = requireString(value, field);
  if (!isStrictIPv6(text)) {
    throw fieldError(
      field,
      'must be an IPv6 address like 2001:db8::10 (no zone index)',
    );
  }
  return text;
}

export interface Cidr {
  address: string;
  prefix: number;
  family: 4 | 6;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash === -1) return undefined;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (isStrictIPv4(address) && prefix <= 32)
    return { address, prefix, family: 4 };
  if (isStrictIPv6(address) && prefix <= 128)
    return { address, prefix, family: 6 };
  return undefined;
}

export function requireCidr(value: unknown, field: string): string {
  const text = requireString(value, field);
  if (!parseCidr(text)) {
    throw fieldError(field, 'must be a CIDR like 10.0.0.0/24 or 2001:db8::/64');
  }
  return text;
}
