import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import { liveDiffersFromGit } from '../derive/liveDiffersFromGit';
import type { KubeObject } from '../reading/KubeReader';
import { type GitManifests, liveInventoryId } from './GitManifests';

/**
 * The revision each object was last applied at: that of the Kustomization whose inventory holds
 * it (`status.lastAppliedRevision`). Objects in no inventory were not applied from Git.
 */
export function appliedRevisionsByObject(
  fluxKustomizations: KubeObject[],
): Map<string, string> {
  const revisions = new Map<string, string>();
  for (const k of fluxKustomizations) {
    const revision = k.status?.lastAppliedRevision;
    const entries = k.status?.inventory?.entries;
    if (typeof revision !== 'string' || !Array.isArray(entries)) continue;
    for (const entry of entries)
      if (typeof entry?.id === 'string') revisions.set(entry.id, revision);
  }
  return revisions;
}

/**
 * The cluster's detail with a finding for each of its objects edited outside Git: each object is
 * compared with its manifest at the revision its own Kustomization applied (the VMs', images'
 * and records' Kustomizations may be at other revisions than the cluster's).
 */
export async function withGitDrift(
  detail: ClusterDetail,
  objects: KubeObject[],
  git: GitManifests | undefined,
  appliedRevisions: Map<string, string>,
): Promise<ClusterDetail> {
  const revision = detail.gitops?.appliedRevision?.value;
  if (!git || !revision) return detail;
  const problem = await git.problem(revision);
  if (problem)
    return {
      ...detail,
      gitopsProblem: detail.gitopsProblem ?? {
        during: `reading Git at the applied revision ${revision}`,
        message: problem,
        at: detail.read.lastAttemptAt ?? new Date().toISOString(),
      },
    };
  const findings = [];
  const seen = new Set<string>();
  for (const object of objects) {
    const id = liveInventoryId(object);
    const applied = appliedRevisions.get(id);
    if (!applied || seen.has(id)) continue;
    seen.add(id);
    findings.push(
      ...liveDiffersFromGit(object, await git.manifest(applied, object)),
    );
  }
  return findings.length > 0
    ? { ...detail, drift: [...detail.drift, ...findings] }
    : detail;
}

/** What of a cluster is compared with Git: its ClusterDeployment, VMs, their VMImages, its records. */
export function gitComparedObjects(
  clusterDeployment: KubeObject,
  vms: KubeObject[],
  images: Map<string, KubeObject> | undefined,
  records: KubeObject[],
): KubeObject[] {
  const vmImages = vms.flatMap(vm => {
    const name = vm.spec?.imageRef?.name;
    const image = typeof name === 'string' ? images?.get(name) : undefined;
    return image ? [image] : [];
  });
  return [clusterDeployment, ...vms, ...vmImages, ...records];
}

/** The cluster's `git-pending` findings with the commits Git is ahead by, from the repository. */
export async function withPendingCommits(
  detail: ClusterDetail,
  git: GitManifests | undefined,
): Promise<ClusterDetail> {
  if (!git || !detail.drift.some(f => f.type === 'git-pending')) return detail;
  const drift = await Promise.all(
    detail.drift.map(async finding => {
      if (finding.type !== 'git-pending') return finding;
      const pending = await git.pending(finding.fetched, finding.applied);
      return pending && !pending.truncated
        ? { ...finding, ahead: pending.ahead, commits: pending.commits }
        : finding;
    }),
  );
  return { ...detail, drift };
}
