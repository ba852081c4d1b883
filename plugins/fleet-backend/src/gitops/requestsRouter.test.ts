import type { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { GitopsRequestListResponse } from '@fleet-portal/plugin-fleet-common';
import {
  branchHead,
  isAncestor,
  type LocalRepository,
} from '@fleet-portal/plugin-fleet-node';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  commitRequest,
  createGitopsRepository,
  readCommitOf,
} from '../__testUtils__/gitopsRepository';
import { fleetPlugin } from '../plugin';

jest.setTimeout(60_000);

const JANE = 'user:default/jane.doe';
const UPGRADE = 'fleet/k0s-upgrade/1a2b3c4d5e';
const DEPLOYMENT = 'clusters/prod-eu1/clusterdeployment.yaml';

function gitopsConfig(localRepository: string, extra: object = {}) {
  return {
    fleet: {
      refresh: { workerThread: false },
      gitops: { localRepository, defaultBranch: 'main', ...extra },
    },
  };
}

async function startFleet(
  config: object,
  permissions: ServiceFactory = mockServices.permissions.factory({
    result: AuthorizeResult.ALLOW,
  }),
) {
  const { server } = await startTestBackend({
    features: [
      fleetPlugin,
      mockServices.rootConfig.factory({ data: config }),
      permissions,
    ],
  });
  return server;
}

const upgradeRequest = (k0sVersion: string, branch = UPGRADE) => ({
  branch,
  template: 'k0s-upgrade',
  title: `Upgrade k0s: prod-eu1 to ${k0sVersion}`,
  inputs: { cluster: 'prod-eu1', namespace: 'kcm-system', k0sVersion },
  files: { [DEPLOYMENT]: `k0sVersion: ${k0sVersion}\n` },
});

describe('requests routes in local mode', () => {
  let repo: LocalRepository;
  let server: Awaited<ReturnType<typeof startFleet>>;
  let upgradeCommit: string;

  beforeAll(async () => {
    repo = await createGitopsRepository();
    upgradeCommit = await commitRequest(repo, upgradeRequest('v1.32.8+k0s.0'));
    await commitRequest(repo, {
      branch: 'fleet/new-cluster/0f0f0f0f0f',
      template: 'new-cluster',
      inputs: { name: 'edge-1', namespace: 'tenant-edge' },
      files: { 'clusters/edge-1/clusterdeployment.yaml': 'name: edge-1\n' },
    });
    server = await startFleet(gitopsConfig(repo.dir));
  });

  const list = async (query = '') =>
    (await request(server).get(`/api/fleet/requests${query}`).expect(200))
      .body as GitopsRequestListResponse;

  it('lists open request branches with their parsed trailers, filtered by cluster', async () => {
    const all = await list();
    expect(all.mode).toBe('local');
    expect(all.items.map(i => i.branch).sort()).toEqual([
      'fleet/k0s-upgrade/1a2b3c4d5e',
      'fleet/new-cluster/0f0f0f0f0f',
    ]);
    const upgrade = (await list('?cluster=prod-eu1')).items;
    expect(upgrade).toEqual([
      {
        id: `local:${UPGRADE}`,
        branch: UPGRADE,
        commit: upgradeCommit,
        title: 'Upgrade k0s: prod-eu1 to v1.32.8+k0s.0',
        requestedBy: 'user:default/alice',
        template: 'template:default/k0s-upgrade',
        templateVersion: '1.0.0',
        cluster: 'prod-eu1',
        namespace: 'kcm-system',
        files: [DEPLOYMENT],
        committedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        merged: false,
        journey: {
          state: 'opened',
          steps: [
            {
              state: 'opened',
              at: upgrade[0].committedAt,
              source: `branch ${UPGRADE}`,
            },
          ],
          waitingFor: 'review: merge it on the Requests page',
          checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      },
    ]);
    // A new cluster has no cluster input: its folder names it.
    expect((await list('?cluster=edge-1')).items).toEqual([
      expect.objectContaining({
        branch: 'fleet/new-cluster/0f0f0f0f0f',
        cluster: 'edge-1',
      }),
    ]);
    expect((await list('?cluster=other')).items).toEqual([]);
    await request(server).get('/api/fleet/requests?state=closed').expect(400);
  });

  it('merges a request into main with a merge commit authored by the signed-in user', async () => {
    const before = (await branchHead(repo, 'main'))!;
    const res = await request(server)
      .post('/api/fleet/requests/merge')
      .set('Authorization', mockCredentials.user.header(JANE))
      .send({ branch: UPGRADE })
      .expect(200);
    expect(res.body).toEqual({
      branch: UPGRADE,
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      branchCommit: upgradeCommit,
      previousCommit: before,
    });
    const merge = res.body.commit;
    expect(await branchHead(repo, 'main')).toBe(merge);
    expect(merge).not.toBe(upgradeCommit);
    expect(await isAncestor(repo, upgradeCommit, merge)).toBe(true);
    expect(await isAncestor(repo, before, merge)).toBe(true);
    const commit = await readCommitOf(repo, merge);
    expect(commit.author).toEqual({
      name: 'jane.doe',
      email: 'jane.doe@users.fleet-portal.local',
    });
    expect(commit.title).toBe(`Merge request ${UPGRADE}`);
    expect(commit.message.trim().split('\n').pop()).toBe(`Merged-by: ${JANE}`);
    // The checked-out working tree shows the merged main.
    expect(fs.readFileSync(join(repo.dir, DEPLOYMENT), 'utf8')).toBe(
      'k0sVersion: v1.32.8+k0s.0\n',
    );

    expect((await list()).items.map(i => i.branch)).toEqual([
      'fleet/new-cluster/0f0f0f0f0f',
    ]);
    expect((await list('?state=all&cluster=prod-eu1')).items).toEqual([
      expect.objectContaining({ branch: UPGRADE, merged: true }),
    ]);
    const again = await request(server)
      .post('/api/fleet/requests/merge')
      .send({ branch: UPGRADE })
      .expect(409);
    expect(again.body.error.message).toContain('already merged');
  });

  it('refuses a conflicting request with 409 and moves nothing', async () => {
    // Two requests filed from the same main change the same line; the first one merges.
    const first = upgradeRequest(
      'v1.33.0+k0s.0',
      'fleet/k0s-upgrade/aaaaaaaaaa',
    );
    const second = upgradeRequest(
      'v1.33.1+k0s.0',
      'fleet/k0s-upgrade/bbbbbbbbbb',
    );
    await commitRequest(repo, first);
    const secondCommit = await commitRequest(repo, second);
    await request(server)
      .post('/api/fleet/requests/merge')
      .send({ branch: first.branch })
      .expect(200);
    const mainHead = await branchHead(repo, 'main');

    const refused = await request(server)
      .post('/api/fleet/requests/merge')
      .send({ branch: second.branch })
      .expect(409);
    expect(refused.body.error).toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('no longer merges cleanly'),
    });
    expect(refused.body.error.message).toContain(DEPLOYMENT);
    expect(await branchHead(repo, 'main')).toBe(mainHead);
    expect(await branchHead(repo, second.branch)).toBe(secondCommit);
    expect(fs.readFileSync(join(repo.dir, DEPLOYMENT), 'utf8')).toBe(
      'k0sVersion: v1.33.0+k0s.0\n',
    );
    expect((await list()).items.map(i => i.branch)).toContain(second.branch);
  });

  it('answers 404 for an unknown branch and 400 for a malformed one', async () => {
    const unknown = await request(server)
      .post('/api/fleet/requests/merge')
      .send({ branch: 'fleet/k0s-upgrade/0000000000' })
      .expect(404);
    expect(unknown.body.error.message).toContain('file the request again');
    for (const branch of ['../etc', 'main', '', 'a//b']) {
      await request(server)
        .post('/api/fleet/requests/merge')
        .send({ branch })
        .expect(400);
    }
  });

  it('registers fleet.gitops.merge with the permission framework', async () => {
    const res = await request(server)
      .get('/api/fleet/.well-known/backstage/permissions/metadata')
      .expect(200);
    expect(res.body.permissions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'fleet.gitops.merge',
          attributes: { action: 'update' },
        }),
      ]),
    );
  });
});

describe('requests routes', () => {
  it('answers 403 when fleet.cluster.read or fleet.gitops.merge is denied', async () => {
    const repo = await createGitopsRepository();
    await commitRequest(repo, upgradeRequest('v1.32.8+k0s.0'));
    const denied = await startFleet(
      gitopsConfig(repo.dir),
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    );
    const list = await request(denied).get('/api/fleet/requests').expect(403);
    expect(list.body.error).toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('fleet.cluster.read'),
    });

    const readOnly = await startFleet(
      gitopsConfig(repo.dir),
      mockServices.permissions.mock({
        authorizeConditional: async requests =>
          requests.map(r => ({
            result:
              r.permission.name === 'fleet.cluster.read'
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.DENY })),
      }).factory,
    );
    await request(readOnly).get('/api/fleet/requests').expect(200);
    const merge = await request(readOnly)
      .post('/api/fleet/requests/merge')
      .send({ branch: UPGRADE })
      .expect(403);
    expect(merge.body.error.message).toContain('fleet.gitops.merge');
    const mainHead = await branchHead(repo, 'main');
    expect(
      await isAncestor(repo, (await branchHead(repo, UPGRADE))!, mainHead!),
    ).toBe(false);
  });

  it('leaves merging to GitHub when pull requests are opened there', async () => {
    const repo = await createGitopsRepository();
    await commitRequest(repo, upgradeRequest('v1.32.8+k0s.0'));
    const github = { repoUrl: 'github.com?owner=acme&repo=fleet-gitops' };
    const server = await startFleet({
      ...gitopsConfig(repo.dir, { github }),
      integrations: { github: [{ host: 'github.com', token: 'ghp_test' }] },
    });
    expect(
      (await request(server).get('/api/fleet/requests').expect(200)).body,
    ).toEqual({ mode: 'github', items: [] });
    const merge = await request(server)
      .post('/api/fleet/requests/merge')
      .send({ branch: UPGRADE })
      .expect(409);
    expect(merge.body.error.message).toBe(
      'merging happens on GitHub: merge the pull request there',
    );

    // Without a token the templates commit locally, so the branches are listed.
    const tokenless = await startFleet(gitopsConfig(repo.dir, { github }));
    const local = (await request(tokenless).get('/api/fleet/requests')).body;
    expect(local.mode).toBe('local');
    expect(local.items).toHaveLength(1);
  });

  it('lists nothing before the local repository exists', async () => {
    const missing = join(
      fs.mkdtempSync(join(os.tmpdir(), 'fleet-requests-')),
      'not-yet',
    );
    const server = await startFleet(gitopsConfig(missing));
    expect(
      (await request(server).get('/api/fleet/requests').expect(200)).body,
    ).toEqual({ mode: 'local', items: [] });
    await request(server)
      .post('/api/fleet/requests/merge')
      .send({ branch: UPGRADE })
      .expect(404);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
