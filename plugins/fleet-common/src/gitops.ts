import type { Figure } from './types';

/**
 * How Flux reconciles one cluster, read from its management cluster: the Flux Kustomization whose
 * inventory holds the cluster's ClusterDeployment, and the revisions it fetched and applied.
 */
export interface ClusterGitops {
  kustomization: { namespace: string; name: string; path?: string };
  /** The commit Flux fetched: its GitRepository's `status.artifact.revision` (`main@sha1:…`). */
  fetchedRevision?: Figure<string>;
  /** The commit now applied: `status.lastAppliedRevision`. */
  appliedRevision?: Figure<string>;
  /** The commit last tried: `status.lastAttemptedRevision` (differs when that apply failed). */
  lastAttemptedRevision?: Figure<string>;
  /** The Kustomization's `Ready` condition. */
  ready?: Figure<{
    status: string;
    reason?: string;
    message?: string;
    since?: string;
  }>;
  suspended: boolean;
  /** Why `status.inventory` could not be used: the objects it applied are then unknown. */
  inventoryProblem?: string;
}
