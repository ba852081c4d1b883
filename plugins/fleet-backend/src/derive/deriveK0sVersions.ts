import type {
  K0sVersions,
  NodeStatus,
  RunningVersionGroup,
} from '@fleet-portal/plugin-fleet-common';
import {
  normalizeK0sVersion,
  parseK0sVersion,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';
import { ReadContext, sourceOf, stringOrUndefined } from './source';

/**
 * The control plane whose `status.version` gives the exact k0s build: a K0sControlPlane or a
 * K0smotronControlPlane (`v1.32.4+k0s.0`, or `v1.32.4-k0s.0` when its spec uses that spelling).
 * K0smotron leaves the version empty until a replica is ready; a version with its `.N` build is
 * preferred over one without.
 */
export function exactBuildControlPlane(
  controlPlanes: KubeObject[],
): { controlPlane: KubeObject; version: string } | undefined {
  const reported = controlPlanes.flatMap(controlPlane => {
    const version = stringOrUndefined(controlPlane.status?.version);
    return version ? [{ controlPlane, version }] : [];
  });
  return (
    reported.find(r => parseK0sVersion(r.version)?.build !== undefined) ??
    reported[0]
  );
}

/**
 * Desired (ClusterDeployment config), exact build (control plane status) and running (kubelets,
 * grouped) k0s versions. The control plane objects are those labelled with the cluster's name.
 */
export function deriveK0sVersions(
  clusterDeployment: KubeObject,
  controlPlanes: KubeObject[],
  nodes: NodeStatus[],
  managementRead: ReadContext,
): K0sVersions {
  const desiredText = stringOrUndefined(
    clusterDeployment.spec?.config?.k0s?.version,
  );
  const build = exactBuildControlPlane(controlPlanes);
  const upgrades = clusterDeployment.status?.availableUpgrades;

  return {
    desired: desiredText
      ? {
          value: normalizeK0sVersion(desiredText),
          source: sourceOf(
            clusterDeployment,
            managementRead,
            'spec.config.k0s.version',
          ),
        }
      : undefined,
    exactBuild: build
      ? {
          value: normalizeK0sVersion(build.version),
          source: sourceOf(
            build.controlPlane,
            managementRead,
            'status.version',
          ),
        }
      : undefined,
    running: groupRunningVersions(nodes),
    availableUpgrades: Array.isArray(upgrades)
      ? {
          value: upgrades
            .filter((u: unknown): u is string => typeof u === 'string')
            .sort(),
          source: sourceOf(
            clusterDeployment,
            managementRead,
            'status.availableUpgrades',
          ),
        }
      : undefined,
  };
}

export function groupRunningVersions(
  nodes: NodeStatus[],
): RunningVersionGroup[] {
  const groups = new Map<string, RunningVersionGroup>();
  for (const node of nodes) {
    const group = groups.get(node.kubeletVersion) ?? {
      version: node.kubeletVersion,
      nodes: [],
      roles: [],
    };
    group.nodes.push(node.name);
    for (const role of node.roles)
      if (!group.roles.includes(role)) group.roles.push(role);
    groups.set(node.kubeletVersion, group);
  }
  return [...groups.values()]
    .map(g => ({ ...g, nodes: g.nodes.sort(), roles: g.roles.sort() }))
    .sort(
      (a, b) =>
        b.nodes.length - a.nodes.length || a.version.localeCompare(b.version),
    );
}
