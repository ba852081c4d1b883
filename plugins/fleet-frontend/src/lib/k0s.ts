import {
  ClusterDetail,
  FigureSource,
  sameK0sVersion,
} from '@fleet-portal/plugin-fleet-common';

export interface RunningK0sGroup {
  version: string;
  nodes: string[];
  roles: string[];
  /** Undefined when no desired version is known. */
  matchesDesired?: boolean;
}

export interface K0sVersionView {
  desired?: { version: string; source?: FigureSource };
  exactBuild?: { version: string; source?: FigureSource };
  running: RunningK0sGroup[];
  /** More than one version runs in the cluster. */
  skew: boolean;
  /** A running version differs from the desired one. */
  versionDrift: boolean;
  /** The control plane's exact build differs from the desired one. */
  buildDrift: boolean;
  availableUpgrades: string[];
  availableUpgradesSource?: FigureSource;
}

/** Desired, running and exact k0s versions of a cluster, with skew and drift worked out. */
export function deriveK0sVersions(cluster: ClusterDetail): K0sVersionView {
  const versions = cluster.k0sVersions;
  const summary = cluster.k0s;
  const desiredVersion = versions?.desired?.value ?? summary?.desired;
  const exactVersion = versions?.exactBuild?.value ?? summary?.exactBuild;

  const runningGroups =
    versions?.running ??
    (summary?.running ?? []).map(version => ({
      version,
      nodes: [],
      roles: [],
    }));
  const running: RunningK0sGroup[] = runningGroups.map(group => ({
    version: group.version,
    nodes: group.nodes ?? [],
    roles: group.roles ?? [],
    matchesDesired: desiredVersion
      ? sameK0sVersion(group.version, desiredVersion)
      : undefined,
  }));

  const availableUpgrades =
    versions?.availableUpgrades?.value ?? summary?.availableUpgrades ?? [];
  return {
    desired: desiredVersion
      ? { version: desiredVersion, source: versions?.desired?.source }
      : undefined,
    exactBuild: exactVersion
      ? { version: exactVersion, source: versions?.exactBuild?.source }
      : undefined,
    running,
    skew: new Set(running.map(group => group.version)).size > 1,
    versionDrift: running.some(group => group.matchesDesired === false),
    buildDrift:
      desiredVersion !== undefined &&
      exactVersion !== undefined &&
      !sameK0sVersion(exactVersion, desiredVersion),
    availableUpgrades,
    availableUpgradesSource: versions?.availableUpgrades?.source,
  };
}
