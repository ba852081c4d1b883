import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { pathToFileURL } from 'node:url';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { FileMap } from '@fleet-portal/plugin-fleet-node';
import { GithubTarget } from './gitopsConfig';
import {
  branchHead,
  ensureLocalRepository,
  findLocalRepository,
  GitAuthor,
  NewRepositoryContent,
  readCommitFiles,
} from '@fleet-portal/plugin-fleet-node';
import { readFolderFiles, writeFolderFiles } from './workspaceFiles';

export interface CheckoutResult {
  /** Commit of the default branch that was checked out ('' when a dry run found no repository yet). */
  commit: string;
  /** Where the repository is: a file URL (local) or the GitHub repoUrl. */
  repoUrl: string;
  /** Files written into the workspace. */
  fileCount: number;
}

async function defaultBranchFiles(
  dir: string,
  branch: string,
  initial: () => NewRepositoryContent,
  repo = findLocalRepository(dir),
) {
  if (!repo) return { commit: '', files: initial().files };
  const commit = await branchHead(repo, branch);
  if (!commit)
    throw new InputError(
      `fleet.gitops.defaultBranch: the local repository ${dir} has no branch ${branch}`,
    );
  return { commit, files: await readCommitFiles(repo, commit) };
}

/**
 * Copies the default branch of the local repository into `root`. The repository is created on
 * first use, except in a dry run, which reads only and shows what the first commit would hold.
 */
export async function checkoutLocal(options: {
  dir: string;
  defaultBranch: string;
  author: GitAuthor;
  /** The first commit of a repository that does not exist yet. */
  initial: () => NewRepositoryContent;
  root: string;
  field: string;
  dryRun: boolean;
}): Promise<CheckoutResult> {
  const repo = options.dryRun
    ? findLocalRepository(options.dir)
    : await ensureLocalRepository(
        options.dir,
        options.defaultBranch,
        options.author,
        options.initial,
      );
  const { commit, files }: { commit: string; files: FileMap } =
    await defaultBranchFiles(
      options.dir,
      options.defaultBranch,
      options.initial,
      repo,
    );
  await writeFolderFiles(options.root, files, options.field);
  return {
    commit,
    repoUrl: pathToFileURL(options.dir).href,
    fileCount: files.size,
  };
}

/** The URL the GitHub URL reader reads a branch's tree from. */
export function githubTreeUrl(target: GithubTarget, branch: string): string {
  return `https://${target.host}/${encodeURIComponent(
    target.owner,
  )}/${encodeURIComponent(target.repo)}/tree/${encodeURIComponent(branch)}`;
}

/** Reads the branch's tree through the URL reader (a tarball of one commit) into `root`. */
export async function checkoutGithub(options: {
  urlReader: UrlReaderService;
  target: GithubTarget;
  defaultBranch: string;
  root: string;
  field: string;
}): Promise<CheckoutResult> {
  if (existsSync(options.root) && readdirSync(options.root).length > 0) {
    throw new InputError(
      `${options.field}: ${options.root} already exists in the workspace and is not empty`,
    );
  }
  await mkdir(options.root, { recursive: true });
  const tree = await options.urlReader.readTree(
    githubTreeUrl(options.target, options.defaultBranch),
  );
  await tree.dir({ targetDir: options.root });
  return {
    commit: tree.etag,
    repoUrl: options.target.repoUrl,
    fileCount: readFolderFiles(options.root).size,
  };
}
