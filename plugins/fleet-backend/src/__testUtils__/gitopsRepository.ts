import {
  branchHead,
  ensureLocalRepository,
  type FileMap,
  type LocalRepository,
  listRequestBranches,
  readCommitFiles,
  type RequestBranch,
  setBranch,
  writeFilesCommit,
} from '@fleet-portal/plugin-fleet-node';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const PORTAL = { name: 'Fleet Portal', email: 'fleet-portal@localhost' };

/** A temporary local GitOps repository with `main` holding one cluster's manifest. */
export async function createGitopsRepository(): Promise<LocalRepository> {
  const dir = join(
    fs.mkdtempSync(join(os.tmpdir(), 'fleet-requests-')),
    'gitops-repo',
  );
  return ensureLocalRepository(dir, 'main', PORTAL, () => ({
    files: new Map([
      ['README.md', Buffer.from('# GitOps\n')],
      [
        'clusters/prod-eu1/clusterdeployment.yaml',
        Buffer.from('k0sVersion: v1.31.2+k0s.0\n'),
      ],
    ]),
    message: 'Start the GitOps repository',
  }));
}

export interface TestRequest {
  branch: string;
  template: string;
  inputs: Record<string, unknown>;
  /** Files written or replaced on top of main. */
  files: Record<string, string>;
  title?: string;
}

/** Commits a request as the scaffolder module does: one commit on main's head, with its trailers. */
export async function commitRequest(
  repo: LocalRepository,
  request: TestRequest,
): Promise<string> {
  const parent = (await branchHead(repo, 'main'))!;
  const files: FileMap = await readCommitFiles(repo, parent);
  for (const [path, content] of Object.entries(request.files))
    files.set(path, Buffer.from(content));
  const paths = Object.keys(request.files).sort();
  const message = [
    request.title ?? `Request ${request.branch}`,
    '',
    `Requested through Fleet Portal template template:default/${request.template} (version 1.0.0).`,
    '',
    'Files:',
    ...paths.map(path => `  ${path}`),
    '',
    'Requested-by: user:default/alice',
    `Template: template:default/${request.template}`,
    'Template-version: 1.0.0',
    `Inputs: ${JSON.stringify(request.inputs)}`,
    '',
  ].join('\n');
  const commit = await writeFilesCommit(repo, {
    files,
    parent,
    message,
    author: PORTAL,
  });
  await setBranch(repo, request.branch, commit);
  return commit;
}

/** A commit's message and author, read through a branch pointing at it (left in place). */
export async function readCommitOf(
  repo: LocalRepository,
  commit: string,
): Promise<RequestBranch> {
  const branch = `inspect/${commit}`;
  await setBranch(repo, branch, commit);
  const found = (await listRequestBranches(repo, 'main')).find(
    b => b.branch === branch,
  );
  return found!;
}
