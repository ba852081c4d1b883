import git from 'isomorphic-git';
import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import {
  findLocalRepository,
  readCommitFiles,
} from '@fleet-portal/plugin-fleet-node';
import { KubeObject } from '../manifests/types';

function repoAt(dir: string) {
  const repo = findLocalRepository(dir);
  if (!repo) throw new Error(`no repository at ${dir}`);
  return repo;
}

export async function listBranches(dir: string): Promise<string[]> {
  return (await git.listBranches({ fs, ...repoAt(dir) })).sort();
}

export async function branchCommit(
  dir: string,
  branch: string,
): Promise<string> {
  return git.resolveRef({ fs, ...repoAt(dir), ref: `refs/heads/${branch}` });
}

export async function commitOf(dir: string, oid: string) {
  return (await git.readCommit({ fs, ...repoAt(dir), oid })).commit;
}

/** Every file of a branch as text. */
export async function branchFiles(
  dir: string,
  branch: string,
): Promise<Record<string, string>> {
  const files = await readCommitFiles(
    repoAt(dir),
    await branchCommit(dir, branch),
  );
  return Object.fromEntries(
    [...files].map(([path, content]) => [path, content.toString('utf8')]),
  );
}

/** Number of commits reachable from a branch. */
export async function commitCount(
  dir: string,
  branch: string,
): Promise<number> {
  return (await git.log({ fs, ...repoAt(dir), ref: `refs/heads/${branch}` }))
    .length;
}

/** Merges a branch the way a fast-forward merge of its pull request would. */
export async function fastForward(
  dir: string,
  target: string,
  branch: string,
): Promise<void> {
  const repo = repoAt(dir);
  const head = await branchCommit(dir, branch);
  const base = await branchCommit(dir, target);
  const { commit } = await git.readCommit({ fs, ...repo, oid: head });
  if (!commit.parent.includes(base))
    throw new Error(`${branch} is not one commit on top of ${target}`);
  await git.writeRef({
    fs,
    ...repo,
    ref: `refs/heads/${target}`,
    value: head,
    force: true,
  });
}

/** The Kubernetes objects of the manifest files (kustomizations and non-YAML files left out). */
export function manifestObjects(
  files: Record<string, string>,
): Array<{ path: string; object: KubeObject }> {
  return Object.entries(files)
    .filter(
      ([path]) =>
        /\.yaml$/.test(path) && !/(^|\/)kustomization\.yaml$/.test(path),
    )
    .flatMap(([path, text]) =>
      parseAllDocuments(text).map(doc => ({
        path,
        object: doc.toJS() as KubeObject,
      })),
    );
}
