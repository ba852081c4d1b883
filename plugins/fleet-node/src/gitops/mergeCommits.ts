import git from 'isomorphic-git';
import fs from 'node:fs';
import { branchHead, type LocalRepository } from './localRepository';

export interface MergeCommit {
  /** The first commit of the default branch's first-parent line that brought the change in. */
  commit: string;
  /** Its commit time, ISO 8601. */
  committedAt: string;
}

/**
 * For every commit the default branch took in (a merged branch head, or a commit made on the
 * branch itself), the first-parent commit that took it in: one walk of the first-parent line.
 */
export async function mergeCommitsOf(
  repo: LocalRepository,
  defaultBranch: string,
): Promise<Map<string, MergeCommit>> {
  const byCommit = new Map<string, MergeCommit>();
  let oid = await branchHead(repo, defaultBranch);
  while (oid) {
    const { commit } = await git.readCommit({ fs, ...repo, oid });
    const merge = {
      commit: oid,
      committedAt: new Date(commit.committer.timestamp * 1000).toISOString(),
    };
    // Walking back in time: the oldest commit that took a change in is the one kept.
    byCommit.set(oid, merge);
    for (const parent of commit.parent.slice(1)) byCommit.set(parent, merge);
    oid = commit.parent[0];
  }
  return byCommit;
}

/** True when `path` is a file in `commit`'s tree. */
export async function fileExistsAt(
  repo: LocalRepository,
  commit: string,
  path: string,
): Promise<boolean> {
  try {
    await git.readBlob({ fs, ...repo, oid: commit, filepath: path });
    return true;
  } catch (error) {
    if ((error as Error).name === 'NotFoundError') return false;
    throw error;
  }
}
