import type { FileMap, PendingCommits } from '@fleet-portal/plugin-fleet-node';

/**
 * Where the GitOps repository's commits are read: the local repository, or GitHub through
 * Backstage's integration. A commit never changes, so whatever is read here may be kept.
 */
export interface GitRevisions {
  /** The repository, in a user's words, e.g. `the GitOps repository at /srv/gitops`. */
  readonly description: string;
  /** Every file of a commit. Rejects with an error saying why when it cannot be read. */
  files(sha: string): Promise<FileMap>;
  /**
   * The commits `from` is ahead of `to` (`to` undefined: nothing applied yet), newest first;
   * undefined when the repository cannot say.
   */
  pending(
    from: string,
    to: string | undefined,
  ): Promise<PendingCommits | undefined>;
}
