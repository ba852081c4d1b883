import { ConflictError, NotFoundError } from '@backstage/errors';
import git from 'isomorphic-git';
import fs from 'node:fs';
import {
  branchHead,
  GitAuthor,
  LocalRepository,
  syncWorkingTree,
  withRepositoryLock,
} from './localRepository';

export interface MergeBranchOptions {
  branch: string;
  defaultBranch: string;
  /** Who merges: the merge commit's author and committer. */
  author: GitAuthor;
  /** The merge commit's message; default `Merge branch '<branch>'`. */
  message?: string;
}

export interface MergeBranchResult {
  branch: string;
  /** The merge commit now at the head of the default branch. */
  commit: string;
  /** The branch commit that was merged. */
  branchCommit: string;
  /** The default branch head before the merge. */
  previousCommit: string;
}

/** True when `ancestor` is `commit` or one of its ancestors. */
export async function isAncestor(
  repo: LocalRepository,
  ancestor: string,
  commit: string,
): Promise<boolean> {
  if (ancestor === commit) return true;
  return git.isDescendent({ fs, ...repo, oid: commit, ancestor, depth: -1 });
}

/**
 * Merges a request's branch into the default branch with a merge commit (never a fast-forward, so
 * the default branch records who merged and when), as a pull request's merge button does. A
 * branch that conflicts with the default branch is refused and nothing moves: no ref, no working
 * tree file. A branch already merged is refused too.
 */
export async function mergeBranch(
  repo: LocalRepository,
  options: MergeBranchOptions,
): Promise<MergeBranchResult> {
  return withRepositoryLock(repo.dir, async () => {
    const branchCommit = await branchHead(repo, options.branch);
    if (!branchCommit)
      throw new NotFoundError(
        `no branch ${options.branch} in the GitOps repository`,
      );
    const previousCommit = await branchHead(repo, options.defaultBranch);
    if (!previousCommit)
      throw new NotFoundError(
        `the GitOps repository has no branch ${options.defaultBranch}`,
      );
    if (await isAncestor(repo, branchCommit, previousCommit))
      throw new ConflictError(
        `branch ${options.branch} is already merged into ${options.defaultBranch}`,
      );
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = {
      ...options.author,
      timestamp,
      timezoneOffset: new Date().getTimezoneOffset(),
    };
    let result;
    try {
      result = await git.merge({
        fs,
        ...repo,
        ours: options.defaultBranch,
        theirs: options.branch,
        fastForward: false,
        abortOnConflict: true,
        author: signature,
        committer: signature,
        message:
          options.message ??
          `Merge branch '${options.branch}' into ${options.defaultBranch}\n`,
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'MergeConflictError' || name === 'MergeNotSupportedError') {
        const paths: string[] =
          (error as any).data?.filepaths ??
          (error as any).data?.bothModified ??
          [];
        throw new ConflictError(
          `branch ${options.branch} no longer merges cleanly into ${
            options.defaultBranch
          }${
            paths.length > 0 ? ` (conflicting: ${paths.join(', ')})` : ''
          }: file the request again from the current ${
            options.defaultBranch
          }. Nothing was merged.`,
        );
      }
      throw error;
    }
    await syncWorkingTree(repo, options.defaultBranch);
    return {
      branch: options.branch,
      commit: result.oid!,
      branchCommit,
      previousCommit,
    };
  });
}

export interface RequestBranch {
  branch: string;
  commit: string;
  /** First line of the branch commit's message. */
  title: string;
  message: string;
  author: GitAuthor;
  /** Commit time, ISO 8601. */
  committedAt: string;
  /** The branch head is contained in the default branch. */
  merged: boolean;
}

/** Every branch but the default one, newest commit first. */
export async function listRequestBranches(
  repo: LocalRepository,
  defaultBranch: string,
): Promise<RequestBranch[]> {
  const head = await branchHead(repo, defaultBranch);
  const branches = await git.listBranches({ fs, ...repo });
  const out: RequestBranch[] = [];
  for (const branch of branches) {
    if (branch === defaultBranch) continue;
    const commit = await branchHead(repo, branch);
    if (!commit) continue;
    const { commit: parsed } = await git.readCommit({
      fs,
      ...repo,
      oid: commit,
    });
    out.push({
      branch,
      commit,
      title: parsed.message.split('\n')[0],
      message: parsed.message,
      author: { name: parsed.author.name, email: parsed.author.email },
      committedAt: new Date(parsed.committer.timestamp * 1000).toISOString(),
      merged: head ? await isAncestor(repo, commit, head) : false,
    });
  }
  return out.sort(
    (a, b) =>
      b.committedAt.localeCompare(a.committedAt) ||
      a.branch.localeCompare(b.branch),
  );
}
