import { InputError } from '@backstage/errors';
import {
  changedFiles,
  FileMap,
  FileMapChange,
  sameFiles,
  unifiedTreeDiff,
} from '@fleet-portal/plugin-fleet-node';
import {
  branchHead,
  findLocalRepository,
  GitAuthor,
  LocalRepository,
  readCommitFiles,
  setBranch,
  withRepositoryLock,
  writeFilesCommit,
} from '@fleet-portal/plugin-fleet-node';

/** Rules of `git check-ref-format` that matter for generated names, plus a charset limit. */
export function assertValidBranchName(
  branch: string,
  defaultBranch: string,
): void {
  const problems = [
    [
      !/^[A-Za-z0-9._/-]+$/.test(branch),
      'may only hold letters, digits, ".", "_", "-" and "/"',
    ],
    [
      /(^|\/)\.|\.\.|\/\/|^\/|\/$|\.lock$|\.$/.test(branch),
      'is not a valid Git branch name',
    ],
    [
      branch === defaultBranch,
      `must not be the default branch ${defaultBranch}`,
    ],
  ] as const;
  const problem = problems.find(([failed]) => failed);
  if (problem) throw new InputError(`branchName: ${branch} ${problem[1]}`);
}

export interface PublishLocalResult {
  branch: string;
  /** The branch's commit ('' in a dry run). */
  commit: string;
  /** The default branch commit the change is based on. */
  baseCommit: string;
  /** True when the branch already held exactly this tree: nothing was written. */
  reused: boolean;
  files: FileMapChange[];
  diff: string;
}

export interface PublishLocalOptions {
  dir: string;
  defaultBranch: string;
  branch: string;
  /** Commit the checkout started from; default: the default branch's head. */
  baseCommit?: string;
  files: FileMap;
  /** What a repository that does not exist yet would start with (for a dry run's diff). */
  initialFiles: FileMap;
  message: string;
  author: GitAuthor;
  dryRun: boolean;
}

async function baseOf(
  repo: LocalRepository,
  options: PublishLocalOptions,
): Promise<{ commit: string; files: FileMap }> {
  const commit =
    options.baseCommit || (await branchHead(repo, options.defaultBranch));
  if (!commit)
    throw new InputError(
      `the local repository ${options.dir} has no branch ${options.defaultBranch}`,
    );
  try {
    return { commit, files: await readCommitFiles(repo, commit) };
  } catch (error) {
    throw new InputError(
      `baseCommit: ${commit} is not a commit of ${options.dir}: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * Commits the checkout to `branch`: one commit on top of the base, the branch force-moved to it, as
 * `publish:github:pull-request` does with a pull request's branch. When the branch already holds
 * the same tree (a retried request) nothing is written and the existing commit is reported.
 */
export async function publishToLocalBranch(
  options: PublishLocalOptions,
): Promise<PublishLocalResult> {
  assertValidBranchName(options.branch, options.defaultBranch);
  const repo = findLocalRepository(options.dir);
  if (options.dryRun) {
    const base = repo
      ? await baseOf(repo, options)
      : { commit: '', files: options.initialFiles };
    const existing = repo ? await branchHead(repo, options.branch) : undefined;
    const reused =
      existing !== undefined &&
      sameFiles(await readCommitFiles(repo!, existing), options.files);
    return {
      branch: options.branch,
      commit: reused ? existing! : '',
      baseCommit: base.commit,
      reused,
      files: changedFiles(base.files, options.files),
      diff: unifiedTreeDiff(base.files, options.files),
    };
  }
  if (!repo)
    throw new InputError(
      `no local GitOps repository at ${options.dir}: run fleet:gitops:checkout first`,
    );
  return withRepositoryLock(options.dir, async () => {
    const base = await baseOf(repo, options);
    const files = changedFiles(base.files, options.files);
    const diff = unifiedTreeDiff(base.files, options.files);
    const existing = await branchHead(repo, options.branch);
    if (
      existing !== undefined &&
      sameFiles(await readCommitFiles(repo, existing), options.files)
    ) {
      return {
        branch: options.branch,
        commit: existing,
        baseCommit: base.commit,
        reused: true,
        files,
        diff,
      };
    }
    if (files.length === 0) {
      throw new InputError(
        `nothing to publish: the checkout equals ${options.defaultBranch} (the request changes nothing)`,
      );
    }
    const commit = await writeFilesCommit(repo, {
      files: options.files,
      parent: base.commit,
      message: options.message,
      author: options.author,
    });
    await setBranch(repo, options.branch, commit);
    return {
      branch: options.branch,
      commit,
      baseCommit: base.commit,
      reused: false,
      files,
      diff,
    };
  });
}
