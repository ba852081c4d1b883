import { InputError } from '@backstage/errors';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { join } from 'node:path';
import { FileMap } from './fileMap';

export interface GitAuthor {
  name: string;
  email: string;
}

/** A local Git repository (with a working tree or bare) as isomorphic-git addresses it. */
export interface LocalRepository {
  dir: string;
  gitdir: string;
}

/** The repository at `dir`, or undefined when there is none yet. */
export function findLocalRepository(dir: string): LocalRepository | undefined {
  if (fs.existsSync(join(dir, '.git', 'HEAD')))
    return { dir, gitdir: join(dir, '.git') };
  if (fs.existsSync(join(dir, 'HEAD')) && fs.existsSync(join(dir, 'objects')))
    return { dir, gitdir: dir };
  return undefined;
}

const locks = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier call for the same repository has settled (one writer at a time). */
export async function withRepositoryLock<T>(
  dir: string,
  fn: () => Promise<T>,
): Promise<T> {
  const previous = locks.get(dir) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(fn);
  const tail = run.catch(() => undefined);
  locks.set(dir, tail);
  try {
    return await run;
  } finally {
    if (locks.get(dir) === tail) locks.delete(dir);
  }
}

interface TreeNode {
  files: Map<string, string>;
  folders: Map<string, TreeNode>;
}

/** Writes the files as blobs and trees; returns the root tree's oid. */
export async function writeFileTree(
  repo: LocalRepository,
  files: FileMap,
): Promise<string> {
  const root: TreeNode = { files: new Map(), folders: new Map() };
  for (const [path, content] of files) {
    const parts = path.split('/');
    let node = root;
    for (const folder of parts.slice(0, -1)) {
      let child = node.folders.get(folder);
      if (!child) {
        child = { files: new Map(), folders: new Map() };
        node.folders.set(folder, child);
      }
      node = child;
    }
    node.files.set(
      parts[parts.length - 1],
      await git.writeBlob({ fs, ...repo, blob: content }),
    );
  }
  const writeNode = async (node: TreeNode): Promise<string> => {
    const tree = [
      ...[...node.files].map(([path, oid]) => ({
        mode: '100644',
        path,
        oid,
        type: 'blob' as const,
      })),
    ];
    for (const [path, child] of node.folders) {
      tree.push({
        mode: '040000',
        path,
        oid: await writeNode(child),
        type: 'tree' as const,
      } as any);
    }
    return git.writeTree({ fs, ...repo, tree });
  };
  return writeNode(root);
}

/** Every file of a commit's tree. */
export async function readCommitFiles(
  repo: LocalRepository,
  commit: string,
): Promise<FileMap> {
  const files: FileMap = new Map();
  const walk = async (oid: string, prefix: string) => {
    const { tree } = await git.readTree({ fs, ...repo, oid });
    for (const entry of tree) {
      const path = prefix ? `${prefix}/${entry.path}` : entry.path;
      if (entry.type === 'tree') await walk(entry.oid, path);
      else if (entry.type === 'blob') {
        const { blob } = await git.readBlob({ fs, ...repo, oid: entry.oid });
        files.set(path, Buffer.from(blob));
      }
    }
  };
  const { commit: parsed } = await git.readCommit({ fs, ...repo, oid: commit });
  await walk(parsed.tree, '');
  return files;
}

/** The commit a branch points at, or undefined when the branch does not exist. */
export async function branchHead(
  repo: LocalRepository,
  branch: string,
): Promise<string | undefined> {
  try {
    return await git.resolveRef({ fs, ...repo, ref: `refs/heads/${branch}` });
  } catch (error) {
    if ((error as Error).name === 'NotFoundError') return undefined;
    throw error;
  }
}

export async function treeOfCommit(
  repo: LocalRepository,
  commit: string,
): Promise<string> {
  return (await git.readCommit({ fs, ...repo, oid: commit })).commit.tree;
}

/** Creates a commit of `files` on top of `parent` (none for a root commit); returns its oid. */
export async function writeFilesCommit(
  repo: LocalRepository,
  options: {
    files: FileMap;
    parent?: string;
    message: string;
    author: GitAuthor;
  },
): Promise<string> {
  const tree = await writeFileTree(repo, options.files);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = {
    ...options.author,
    timestamp,
    timezoneOffset: new Date().getTimezoneOffset(),
  };
  return git.writeCommit({
    fs,
    ...repo,
    commit: {
      message: options.message.endsWith('\n')
        ? options.message
        : `${options.message}\n`,
      tree,
      parent: options.parent ? [options.parent] : [],
      author: signature,
      committer: signature,
    },
  });
}

export async function setBranch(
  repo: LocalRepository,
  branch: string,
  commit: string,
): Promise<void> {
  await git.writeRef({
    fs,
    ...repo,
    ref: `refs/heads/${branch}`,
    value: commit,
    force: true,
  });
}

export interface NewRepositoryContent {
  /** The first commit's files. */
  files: FileMap;
  message: string;
}

/**
 * The repository at `dir`, created on first use: `git init` with `defaultBranch` checked out and
 * a first commit holding `initial()` (the skeleton, or a whole demo fleet).
 */
export async function ensureLocalRepository(
  dir: string,
  defaultBranch: string,
  author: GitAuthor,
  initial: () => NewRepositoryContent,
): Promise<LocalRepository> {
  return withRepositoryLock(dir, async () => {
    const existing = findLocalRepository(dir);
    if (existing) return existing;
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
      throw new InputError(
        `fleet.gitops.localRepository: ${dir} exists and is not a Git repository`,
      );
    }
    fs.mkdirSync(dir, { recursive: true });
    await git.init({ fs, dir, defaultBranch });
    const repo = { dir, gitdir: join(dir, '.git') };
    const { files, message } = initial();
    const commit = await writeFilesCommit(repo, { files, message, author });
    await setBranch(repo, defaultBranch, commit);
    await syncWorkingTree(repo, defaultBranch);
    return repo;
  });
}

/**
 * Makes the working tree of a non-bare repository show `branch` when it is checked out there, so
 * `git status` stays clean after the portal moved the branch.
 */
export async function syncWorkingTree(
  repo: LocalRepository,
  branch: string,
): Promise<void> {
  if (repo.gitdir === repo.dir) return;
  const head = await git.currentBranch({ fs, ...repo, fullname: false });
  if (head !== branch) return;
  await git.checkout({ fs, ...repo, ref: branch, force: true });
}
