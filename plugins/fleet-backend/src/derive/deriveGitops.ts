import type {
  ClusterGitops,
  DriftFinding,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';
import {
  findCondition,
  ReadContext,
  sourceOf,
  stringOrUndefined,
} from './source';

/** Flux's inventory id of an object: `<namespace>_<name>_<group>_<kind>`. */
function inventoryIdOf(object: KubeObject): string {
  const apiVersion = object.apiVersion ?? '';
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  return `${object.metadata?.namespace ?? ''}_${
    object.metadata?.name
  }_${group}_${object.kind}`;
}

/** True when the Kustomization applied the object. A malformed inventory holds nothing. */
function inventoryHolds(kustomization: KubeObject, id: string): boolean {
  const entries = kustomization.status?.inventory?.entries;
  return Array.isArray(entries) && entries.some((e: any) => e?.id === id);
}

/** Why the Kustomization's `status.inventory` cannot say what it applied, if it cannot. */
export function inventoryProblemOf(
  kustomization: KubeObject,
): string | undefined {
  const inventory = kustomization.status?.inventory;
  if (inventory === undefined || inventory === null) return undefined;
  const entries = inventory?.entries;
  if (entries === undefined || entries === null) return undefined;
  if (!Array.isArray(entries)) return 'status.inventory.entries is not a list';
  const bad = entries.findIndex(
    (e: any) => typeof e?.id !== 'string' || e.id.split('_').length < 4,
  );
  return bad === -1
    ? undefined
    : `status.inventory.entries[${bad}] has no id of the form <namespace>_<name>_<group>_<kind>`;
}

/**
 * How Flux reconciles a cluster: the Kustomization whose inventory holds its ClusterDeployment,
 * the revision its GitRepository fetched and the one it applied. Undefined when no Kustomization
 * applied the ClusterDeployment (the cluster is not managed by Flux, or Flux is not readable).
 */
export function deriveGitops(
  clusterDeployment: KubeObject,
  kustomizations: KubeObject[],
  gitRepositories: KubeObject[],
  read: ReadContext,
): ClusterGitops | undefined {
  const id = inventoryIdOf(clusterDeployment);
  const kustomization = kustomizations.find(k => inventoryHolds(k, id));
  if (!kustomization) return undefined;
  return kustomizationStatus(kustomization, gitRepositories, read);
}

/** The figures of one Flux Kustomization, with the revision its GitRepository fetched. */
export function kustomizationStatus(
  kustomization: KubeObject,
  gitRepositories: KubeObject[],
  read: ReadContext,
): ClusterGitops {
  const namespace = kustomization.metadata?.namespace ?? '';
  const sourceRef = kustomization.spec?.sourceRef ?? {};
  const source = gitRepositories.find(
    repo =>
      (sourceRef.kind ?? 'GitRepository') === 'GitRepository' &&
      repo.metadata?.name === sourceRef.name &&
      (repo.metadata?.namespace ?? '') === (sourceRef.namespace ?? namespace),
  );
  const revision = (object: KubeObject | undefined, field: string) => {
    const value = stringOrUndefined(
      field.split('.').reduce<any>((node, key) => node?.[key], object),
    );
    return object && value
      ? { value, source: sourceOf(object, read, field) }
      : undefined;
  };
  const ready = findCondition(kustomization, 'Ready');
  return {
    kustomization: {
      namespace,
      name: kustomization.metadata?.name ?? '',
      path: stringOrUndefined(kustomization.spec?.path),
    },
    fetchedRevision: revision(source, 'status.artifact.revision'),
    appliedRevision: revision(kustomization, 'status.lastAppliedRevision'),
    lastAttemptedRevision: revision(
      kustomization,
      'status.lastAttemptedRevision',
    ),
    ready: ready
      ? {
          value: {
            status: ready.status ?? 'Unknown',
            reason: ready.reason,
            message: ready.message,
            since: ready.lastTransitionTime,
          },
          source: sourceOf(kustomization, read, 'status.conditions[Ready]'),
        }
      : undefined,
    suspended: kustomization.spec?.suspend === true,
    inventoryProblem: inventoryProblemOf(kustomization),
  };
}

/** Git ahead of what Flux applied, and an apply that fails or is suspended, as drift findings. */
export function gitopsDrift(gitops: ClusterGitops | undefined): DriftFinding[] {
  if (!gitops) return [];
  const name = `${gitops.kustomization.namespace}/${gitops.kustomization.name}`;
  const findings: DriftFinding[] = [];
  const ready = gitops.ready?.value;
  if (gitops.suspended)
    findings.push({
      type: 'flux-failing',
      kustomization: name,
      reason: 'Suspended',
      message: 'Flux does not apply this Kustomization until it is resumed',
    });
  else if (ready?.status === 'False')
    findings.push({
      type: 'flux-failing',
      kustomization: name,
      reason: ready.reason ?? 'NotReady',
      message: ready.message,
      revision: gitops.lastAttemptedRevision?.value,
    });
  const fetched = gitops.fetchedRevision?.value;
  if (fetched && fetched !== gitops.appliedRevision?.value)
    findings.push({
      type: 'git-pending',
      kustomization: name,
      fetched,
      applied: gitops.appliedRevision?.value,
    });
  return findings;
}
