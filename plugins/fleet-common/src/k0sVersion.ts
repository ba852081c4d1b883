/**
 * k0s versions as they appear across the fleet:
 * - `v1.31.2+k0s.0` in ClusterDeployment config and K0sControlPlane status (exact build),
 * - `v1.31.2-k0s.0` as K0smotronControlPlane may spell it (same build),
 * - `v1.31.2+k0s` as the kubelet reports it (no build number).
 */
export interface K0sVersion {
  major: number;
  minor: number;
  patch: number;
  /** The `.N` of `+k0s.N`; undefined when the source does not carry it (kubelet). */
  build?: number;
}

const K0S_VERSION =
  /^v(\d{1,4})\.(\d{1,4})\.(\d{1,4})(?:[+-]k0s(?:\.(\d{1,4}))?)?$/;

/** Parses a k0s version; returns undefined when the text is not one. */
export function parseK0sVersion(text: string): K0sVersion | undefined {
  const m = K0S_VERSION.exec(text.trim());
  if (!m) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    build: m[4] === undefined ? undefined : Number(m[4]),
  };
}

/** The canonical spelling: `v1.31.2+k0s.0`, or `v1.31.2+k0s` without a build. */
export function formatK0sVersion(v: K0sVersion): string {
  const base = `v${v.major}.${v.minor}.${v.patch}+k0s`;
  return v.build === undefined ? base : `${base}.${v.build}`;
}

/** Normalises `-k0s.N` to `+k0s.N`; leaves text that is not a k0s version as it is. */
export function normalizeK0sVersion(text: string): string {
  const v = parseK0sVersion(text);
  return v ? formatK0sVersion(v) : text.trim();
}

/**
 * Orders two versions. A missing build compares equal to any build, so a kubelet's
 * `v1.31.2+k0s` matches a desired `v1.31.2+k0s.1`.
 */
export function compareK0sVersions(a: K0sVersion, b: K0sVersion): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== b.minor) return a.minor - b.minor;
  if (a.patch !== b.patch) return a.patch - b.patch;
  if (a.build === undefined || b.build === undefined) return 0;
  return a.build - b.build;
}

/** True when both texts name the same k0s release (build compared only when both carry one). */
export function sameK0sVersion(a: string, b: string): boolean {
  const pa = parseK0sVersion(a);
  const pb = parseK0sVersion(b);
  if (!pa || !pb) return a.trim() === b.trim();
  return compareK0sVersions(pa, pb) === 0;
}

export type K0sUpgradeCheck =
  | { ok: true }
  | {
      ok: false;
      rule:
        | 'downgrade'
        | 'same-version'
        | 'skips-minor'
        | 'major-change'
        | 'unparsable';
      message: string;
    };

/**
 * Whether `from` → `to` is an upgrade Kubernetes supports: never a downgrade, at most one minor
 * version at a time, never a major change.
 */
export function checkK0sUpgrade(from: string, to: string): K0sUpgradeCheck {
  const a = parseK0sVersion(from);
  const b = parseK0sVersion(to);
  if (!a || !b) {
    return {
      ok: false,
      rule: 'unparsable',
      message: `cannot compare "${from}" and "${to}" as k0s versions`,
    };
  }
  const fullA = { ...a, build: a.build ?? 0 };
  const fullB = { ...b, build: b.build ?? 0 };
  const order = compareK0sVersions(fullA, fullB);
  if (order > 0) {
    return {
      ok: false,
      rule: 'downgrade',
      message: `${to} is older than the current ${from}: downgrades are not supported`,
    };
  }
  if (order === 0) {
    return {
      ok: false,
      rule: 'same-version',
      message: `the cluster already runs ${from}`,
    };
  }
  if (a.major !== b.major) {
    return {
      ok: false,
      rule: 'major-change',
      message: `${from} → ${to} changes the major version`,
    };
  }
  if (b.minor - a.minor > 1) {
    return {
      ok: false,
      rule: 'skips-minor',
      message: `${from} → ${to} skips minor version 1.${
        a.minor + 1
      }: upgrade one minor version at a time`,
    };
  }
  return { ok: true };
}
