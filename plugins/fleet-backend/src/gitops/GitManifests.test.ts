import {
  branchHead,
  ensureLocalRepository,
} from '@fleet-portal/plugin-fleet-node';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { GitManifests } from './GitManifests';
import { LocalGitRevisions } from './LocalGitRevisions';

const PORTAL = { name: 'Fleet Portal', email: 'fleet-portal@localhost' };
const deployment = {
  apiVersion: 'k0rdent.mirantis.com/v1beta1',
  kind: 'ClusterDeployment',
  metadata: { name: 'prod-eu1', namespace: 'kcm-system' },
  spec: { template: 'vsphere-standalone-cp-1-0-0' },
};

async function repositoryAt(dir: string) {
  const repo = await ensureLocalRepository(dir, 'main', PORTAL, () => ({
    files: new Map([
      [
        'clusters/prod-eu1/clusterdeployment.yaml',
        Buffer.from(stringify(deployment)),
      ],
    ]),
    message: 'Start the GitOps repository',
  }));
  return `main@sha1:${await branchHead(repo, 'main')}`;
}

describe('GitManifests', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(fs.mkdtempSync(join(os.tmpdir(), 'fleet-git-')), 'gitops-repo');
  });

  it('builds a revision once and keeps it across refreshes', async () => {
    const revision = await repositoryAt(dir);
    const git = new GitManifests(new LocalGitRevisions(dir));
    git.beginRefresh();
    expect(await git.problem(revision)).toBeUndefined();
    expect(await git.manifest(revision, deployment)).toMatchObject({
      path: 'clusters/prod-eu1/clusterdeployment.yaml',
      revision,
      object: { spec: { template: 'vsphere-standalone-cp-1-0-0' } },
    });

    // A commit never changes: the next refresh reads nothing from the repository again.
    fs.rmSync(dir, { recursive: true, force: true });
    git.beginRefresh();
    expect(await git.manifest(revision, deployment)).toMatchObject({
      revision,
    });
  });

  it('reports a revision it cannot read and tries it again at the next refresh', async () => {
    const git = new GitManifests(new LocalGitRevisions(dir));
    const missing = `main@sha1:${'a'.repeat(40)}`;
    git.beginRefresh();
    expect(await git.problem(missing)).toBe(
      `there is no GitOps repository at ${dir}`,
    );
    expect(await git.problem('main@sha1:nope')).toBe(
      'revision main@sha1:nope names no SHA-1 commit',
    );

    const revision = await repositoryAt(dir);
    git.beginRefresh();
    expect(await git.problem(missing)).toMatch(
      /^commit aaaaaaaaaaaa is not in the GitOps repository/,
    );
    expect(await git.problem(revision)).toBeUndefined();
  });

  it('leaves out a revision whose repository does not answer in time, and says so', async () => {
    const silent = {
      description: 'the GitOps repository o/r on ghe.test',
      files: () => new Promise<never>(() => {}),
      pending: () => new Promise<never>(() => {}),
    };
    const git = new GitManifests(silent, 50);
    const revision = `main@sha1:${'b'.repeat(40)}`;
    git.beginRefresh();
    expect(await git.problem(revision)).toBe(
      'reading commit bbbbbbbbbbbb from the GitOps repository o/r on ghe.test took longer than 50 ms',
    );
    expect(await git.pending(revision, undefined)).toBeUndefined();
  });
});
