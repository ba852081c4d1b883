import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { fieldError } from './fieldError';
import { requireSingleLine } from './primitives';

/** A folder inside the workspace: relative, `/`-separated, no `..`, no hidden segments. */
export function optionalTargetPath(
  value: unknown,
  field = 'targetPath',
): string {
  if (value === undefined) return '.';
  const text = requireSingleLine(value, field, 255);
  const segments = text.split('/').filter(s => s !== '' && s !== '.');
  const valid =
    !text.startsWith('/') &&
    segments.every(s => /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(s) && s !== '..');
  if (!valid) {
    throw fieldError(
      field,
      'must be a relative folder inside the workspace (letters, digits, "-", "_", "." segments, no "..")',
    );
  }
  return segments.length === 0 ? '.' : segments.join('/');
}

/** A catalog entity ref (`group:default/platform`), returned in its full form. */
export function requireEntityRef(
  value: unknown,
  field: string,
  defaultKind: string,
): string {
  const text = requireSingleLine(value, field, 253);
  try {
    return stringifyEntityRef(
      parseEntityRef(text, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    throw fieldError(
      field,
      'must be an entity ref like group:default/platform-team',
    );
  }
}
