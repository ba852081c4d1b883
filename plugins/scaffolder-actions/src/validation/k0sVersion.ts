import {
  formatK0sVersion,
  parseK0sVersion,
} from '@fleet-portal/plugin-fleet-common';
import { fieldError } from './fieldError';
import { requireString } from './primitives';

/** The exact k0s build a ClusterDeployment pins: `v1.31.2+k0s.0`, no leading zeros. */
export function requireK0sVersion(value: unknown, field: string): string {
  const text = requireString(value, field);
  const parsed = parseK0sVersion(text);
  if (
    !parsed ||
    parsed.build === undefined ||
    formatK0sVersion(parsed) !== text
  ) {
    throw fieldError(
      field,
      'must be an exact k0s version like v1.31.2+k0s.0 (v<major>.<minor>.<patch>+k0s.<build>)',
    );
  }
  return text;
}
