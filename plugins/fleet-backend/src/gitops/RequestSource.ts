import type { GitopsRequestItem } from '@fleet-portal/plugin-fleet-common';

/** A request as its source (the local repository or GitHub) shows it, before its journey. */
export interface RequestProposal
  extends Omit<GitopsRequestItem, 'journey' | 'clusterId'> {
  /** The commit that brought it into the default branch. */
  merge?: { commit: string; at: string; source: string };
  /** Its pull request was closed without merging. */
  closedWithoutMerge?: { at: string; source: string };
  /** Files the request deletes. */
  deletedFiles: string[];
  /** Where it was read: `branch <name>` or `pull request #<n>`. */
  openedSource: string;
}

/** Where requests are read from, and what tells whether a revision contains a commit. */
export interface RequestSource {
  /** What an open request waits for, in the user's words. */
  readonly reviewHint: string;
  /**
   * Every request. `known` holds what was stored before, so a source can skip reading again what
   * does not change (a request's commit message, its merge).
   */
  list(known: Map<string, GitopsRequestItem>): Promise<RequestProposal[]>;
  /** True when the Flux `revision` (`main@sha1:…`, or a bare SHA) contains `commit`. */
  contains(revision: string, commit: string): Promise<boolean>;
}

/** The SHA-1 of a Flux revision: `main@sha1:<sha>`, `sha1:<sha>`, or a bare SHA. */
export function revisionSha(revision: string): string | undefined {
  return /(?:^|[@:])([0-9a-f]{40})$/.exec(revision)?.[1];
}
