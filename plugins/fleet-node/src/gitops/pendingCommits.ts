import git from 'isomorphic-git';
import fs from 'node:fs';
import type { LocalRepository } from './localRepository';

export interface PendingCommit {
  commit: string;
  /** First line of its message. */
  title: string;
  committedAt: string;
}

export interface PendingCommits {
  /** Newest first, at most `max`. */
  commits: PendingCommit[];
  /** How many commits `from` is ahead of `to` on its first-parent line (may exceed `commits`). */
  ahead: number;
  /** True when the walk stopped at `limit` before reaching `to`: `ahead` is then a lower bound. */
  truncated: boolean;
}

/**
 * The commits of `from`'s first-parent line that `to` does not hold yet: what Git has and Flux
 * has not applied. `to` undefined (nothing applied yet) walks to the first commit.
 */
export async function pendingCommits(
  repo: LocalRepository,
  from: string,
  to: string | undefined,
  options: { max?: number; limit?: number } = {},
): Promise<PendingCommits> {
  const max = options.max ?? 10;
  const limit = options.limit ?? 500;
  const commits: PendingCommit[] = [];
  let ahead = 0;
  let oid: string | undefined = from;
  while (oid && oid !== to) {
    if (ahead === limit) return { commits, ahead, truncated: true };
    const { commit } = await git.readCommit({ fs, ...repo, oid });
    ahead += 1;
    if (commits.length < max)
      commits.push({
        commit: oid,
        title: commit.message.split('\n')[0],
        committedAt: new Date(commit.committer.timestamp * 1000).toISOString(),
      });
    oid = commit.parent[0];
  }
  return { commits, ahead, truncated: false };
}
