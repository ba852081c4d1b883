import { fieldError, fieldPath } from './fieldError';
import { isPlainObject } from './primitives';

/**
 * The free provider block merged into a ClusterDeployment's `spec.config`. It is plain JSON that
 * the chart's values schema validates afterwards; here only the shape is bounded. Multi-line
 * strings are allowed (certificates), other control characters are not, and the keys the portal
 * manages itself cannot be set through it.
 */

const KEY = /^[A-Za-z0-9_][A-Za-z0-9_./:-]{0,252}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const MANAGED_KEYS: Record<string, string> = {
  controlPlaneNumber: 'controlPlaneNumber',
  workersNumber: 'workersNumber',
  clusterLabels: 'clusterLabels',
};
const MAX_DEPTH = 12;
const MAX_BYTES = 64 * 1024;
const MAX_STRING = 16 * 1024;

function check(value: unknown, field: string, depth: number): void {
  if (depth > MAX_DEPTH)
    throw fieldError(field, `must not nest deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw fieldError(field, 'must be a finite number');
    return;
  }
  if (typeof value === 'string') {
    if (value.length > MAX_STRING)
      throw fieldError(field, `must be at most ${MAX_STRING} characters`);
    if (CONTROL_EXCEPT_NEWLINE_TAB.test(value)) {
      throw fieldError(
        field,
        'must not contain control characters other than newline and tab',
      );
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, fieldPath(field, i), depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (!KEY.test(key) || FORBIDDEN_KEYS.has(key)) {
        throw fieldError(
          fieldPath(field, key.slice(0, 80)),
          'keys must be 1-253 of letters, digits, "_", ".", "/", ":", "-" (not starting with a symbol)',
        );
      }
      check(child, fieldPath(field, key), depth + 1);
    }
    return;
  }
  throw fieldError(
    field,
    'must be JSON (string, number, boolean, null, list or object)',
  );
}

export function requireProviderBlock(
  value: unknown,
  field: string,
): Record<string, unknown> {
  if (!isPlainObject(value))
    throw fieldError(field, 'must be an object of chart values');
  check(value, field, 0);
  if (JSON.stringify(value).length > MAX_BYTES)
    throw fieldError(field, `must be at most ${MAX_BYTES} bytes of JSON`);
  for (const key of Object.keys(MANAGED_KEYS)) {
    if (key in value)
      throw fieldError(
        fieldPath(field, key),
        `is set by the ${MANAGED_KEYS[key]} input, not the provider block`,
      );
  }
  const k0s = value.k0s;
  if (isPlainObject(k0s) && 'version' in k0s) {
    throw fieldError(
      `${field}.k0s.version`,
      'is set by the k0sVersion input, not the provider block',
    );
  }
  return value;
}
