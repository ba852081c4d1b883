import { fieldError, fieldPath } from './fieldError';

/**
 * Type checks for inputs that arrive as untrusted JSON (the scaffolder's own schema check is not
 * relied on: every handler validates what it reads).
 */

// Any C0/C1 control character, DEL, and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw fieldError(field, 'must be a string');
  return value;
}

/** A one-line string: no newlines or other control characters, at most `maxLength` characters. */
export function requireSingleLine(
  value: unknown,
  field: string,
  maxLength = 253,
): string {
  const text = requireString(value, field);
  if (text.length === 0) throw fieldError(field, 'must not be empty');
  if (CONTROL_CHARACTERS.test(text)) {
    throw fieldError(field, 'must be a single line without control characters');
  }
  if (text.length > maxLength)
    throw fieldError(field, `must be at most ${maxLength} characters`);
  return text;
}

export function optionalSingleLine(
  value: unknown,
  field: string,
  maxLength?: number,
): string | undefined {
  return value === undefined
    ? undefined
    : requireSingleLine(value, field, maxLength);
}

export function requireInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    throw fieldError(field, `must be an integer between ${min} and ${max}`);
  }
  return value;
}

export function optionalInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
): number | undefined {
  return value === undefined
    ? undefined
    : requireInteger(value, field, min, max);
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean')
    throw fieldError(field, 'must be true or false');
  return value;
}

export function requireArray(
  value: unknown,
  field: string,
  min: number,
  max: number,
): unknown[] {
  if (!Array.isArray(value)) throw fieldError(field, 'must be a list');
  if (value.length < min || value.length > max) {
    throw fieldError(field, `must have between ${min} and ${max} entries`);
  }
  return value;
}

export function optionalArray(
  value: unknown,
  field: string,
  min: number,
  max: number,
): unknown[] | undefined {
  return value === undefined ? undefined : requireArray(value, field, min, max);
}

export function requireObject(
  value: unknown,
  field: string,
): Record<string, unknown> {
  if (!isPlainObject(value)) throw fieldError(field, 'must be an object');
  return value;
}

export function requireOneOf<T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
): T {
  if (
    typeof value !== 'string' ||
    !(allowed as readonly string[]).includes(value)
  ) {
    throw fieldError(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Rejects keys the handler does not know, so a typo is an error instead of a silent no-op. */
export function rejectUnknownKeys(
  value: Record<string, unknown>,
  field: string,
  known: readonly string[],
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const where = fieldPath(field, key.slice(0, 80));
      throw fieldError(
        where,
        `is not a known input (expected one of ${known.join(', ')})`,
      );
    }
  }
}
