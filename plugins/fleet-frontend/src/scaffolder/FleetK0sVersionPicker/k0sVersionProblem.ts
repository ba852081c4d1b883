import {
  checkK0sUpgrade,
  parseK0sVersion,
} from '@fleet-portal/plugin-fleet-common';

/** What is wrong with a typed k0s version, given the cluster's current one; undefined if nothing. */
export function k0sVersionProblem(
  value: string | undefined,
  current?: string,
): string | undefined {
  if (!value) return undefined;
  if (!parseK0sVersion(value)) {
    return `"${value}" is not a k0s version like v1.31.2+k0s.0.`;
  }
  if (!current || !parseK0sVersion(current)) return undefined;
  const check = checkK0sUpgrade(current, value);
  return check.ok ? undefined : `Not a valid upgrade: ${check.message}.`;
}
