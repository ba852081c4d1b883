import {
  ClusterInventoryItem,
  ClusterSummary,
  checkK0sUpgrade,
  compareK0sVersions,
  normalizeK0sVersion,
  parseK0sVersion,
} from '@fleet-portal/plugin-fleet-common';
import { shortDigest } from '../lib/digest';

/** One suggestion of a fleet-fed form field: the value stored and what the user reads. */
export interface FieldOption {
  value: string;
  label: string;
  /** Shown but not choosable (e.g. a ClusterTemplate k0rdent refused); the label says why. */
  disabled?: boolean;
}

/** The cluster a form names: its name and, when the form has one, its namespace. */
export interface NamedCluster {
  name: string;
  namespace?: string;
  /** The management cluster, when the form names one: same-named clusters of several differ by it. */
  management?: string;
}

/** The cluster with that name (and namespace, when given) in a list of fleet items. */
export function findNamedCluster<T extends { ref: ClusterSummary['ref'] }>(
  items: T[],
  named: NamedCluster | undefined,
): T | undefined {
  if (!named?.name) return undefined;
  return items.find(
    item =>
      item.ref.name === named.name &&
      (!named.namespace || item.ref.namespace === named.namespace) &&
      (!named.management || item.ref.management === named.management),
  );
}

/** Every cluster, by name, as `name (namespace, management)` with its health. */
export function clusterOptions(clusters: ClusterSummary[]): FieldOption[] {
  return [...clusters]
    .sort(
      (a, b) =>
        a.ref.name.localeCompare(b.ref.name) || a.id.localeCompare(b.id),
    )
    .map(cluster => ({
      value: cluster.ref.name,
      label: `${cluster.ref.name} (${cluster.ref.namespace}, ${cluster.ref.management}): ${cluster.health.state}`,
    }));
}

/** Every DNS zone in the fleet once; the named cluster's own zones first. */
export function zoneOptions(
  inventory: ClusterInventoryItem[],
  named?: NamedCluster,
): FieldOption[] {
  const own = findNamedCluster(inventory, named);
  const ownZones = [...new Set(own?.zones ?? [])].sort();
  const clustersByZone = new Map<string, string[]>();
  for (const item of inventory) {
    for (const zone of item.zones ?? []) {
      clustersByZone.set(zone, [
        ...(clustersByZone.get(zone) ?? []),
        item.ref.name,
      ]);
    }
  }
  const others = [...clustersByZone.keys()]
    .filter(zone => !ownZones.includes(zone))
    .sort();
  return [
    ...ownZones.map(zone => ({
      value: zone,
      label: `${zone} (zone of ${own!.ref.name})`,
    })),
    ...others.map(zone => ({
      value: zone,
      label: `${zone} (used by ${[...new Set(clustersByZone.get(zone))].join(
        ', ',
      )})`,
    })),
  ];
}

type VersionUse = 'desired' | 'exact build';

/**
 * k0s versions the fleet mentions (desired, exact builds), newest first. With
 * `from`, only versions that are a supported upgrade from it.
 */
export function k0sVersionOptions(
  clusters: ClusterSummary[],
  from?: string,
): FieldOption[] {
  const uses = new Map<string, Set<VersionUse>>();
  const note = (version: string | undefined, use: VersionUse) => {
    if (!version || !parseK0sVersion(version)) return;
    const key = normalizeK0sVersion(version);
    uses.set(key, (uses.get(key) ?? new Set()).add(use));
  };
  // `k0s.availableUpgrades` names ClusterTemplates (k0rdent's upgrade paths), not k0s versions.
  for (const cluster of clusters) {
    note(cluster.k0s?.desired, 'desired');
    note(cluster.k0s?.exactBuild, 'exact build');
  }
  return [...uses.keys()]
    .filter(version => !from || checkK0sUpgrade(from, version).ok)
    .sort((a, b) => compareNewestFirst(a, b))
    .map(version => ({
      value: version,
      label: `${version} (${[...uses.get(version)!].join(', ')})`,
    }));
}

function compareNewestFirst(a: string, b: string): number {
  const pa = parseK0sVersion(a)!;
  const pb = parseK0sVersion(b)!;
  return compareK0sVersions(
    { ...pb, build: pb.build ?? 0 },
    { ...pa, build: pa.build ?? 0 },
  );
}

/** VMImage names the fleet's VMs use, with how many; the desired image (if known) first. */
export function vmImageOptions(
  inventory: ClusterInventoryItem[],
  /** The cluster's desired VMImage, with the digest the fleet read from it when pinned. */
  desired?: { image: string; cluster: string; digest?: string },
): FieldOption[] {
  const vmCount = new Map<string, number>();
  for (const item of inventory) {
    for (const vm of item.virtualMachines ?? []) {
      if (vm.image) vmCount.set(vm.image, (vmCount.get(vm.image) ?? 0) + 1);
    }
  }
  const usage = (image: string) => {
    const count = vmCount.get(image) ?? 0;
    return `${count} VM${count === 1 ? '' : 's'}`;
  };
  const others = [...vmCount.keys()]
    .filter(image => image !== desired?.image)
    .sort()
    .map(image => ({ value: image, label: `${image} (${usage(image)})` }));
  if (!desired) return others;
  return [
    {
      value: desired.image,
      label: `${desired.image} (desired for ${desired.cluster}, ${usage(
        desired.image,
      )}${desired.digest ? `, pins ${shortDigest(desired.digest)}` : ''})`,
    },
    ...others,
  ];
}

/** The VMImage a cluster should run, from where the backend read its desired image. */
export function desiredVmImageName(cluster: {
  desiredImageFigure?: { source: { kind: string; name: string } };
}): string | undefined {
  const source = cluster.desiredImageFigure?.source;
  return source?.kind === 'VMImage' ? source.name : undefined;
}
