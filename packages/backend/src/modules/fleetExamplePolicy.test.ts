import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import fleetPlugin from '@fleet-portal/plugin-fleet-backend';
import {
  fleetClusterReadPermission,
  fleetClusterRequestPermission,
  fleetGitopsMergePermission,
  type ClusterListResponse,
  type GitopsRequestListResponse,
} from '@fleet-portal/plugin-fleet-common';
import type { LocalRepository } from '@fleet-portal/plugin-fleet-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  authKeepingActor,
  clustersOnceRead,
  commitRequest,
  createGitopsRepository,
  denyAll,
  userInfoWithGroups,
} from './__testUtils__/permissionTesting';
import {
  FleetExamplePolicy,
  fleetExamplePolicyModule,
} from './fleetExamplePolicy';
import { simulatorFleetConfig } from '../__testUtils__/simulatorFleetConfig';

jest.setTimeout(60_000);

/** Who is in which group, as the catalog would resolve their ownership. */
const GROUPS: Record<string, string[]> = {
  'user:default/alice': ['group:default/trading'],
  'user:default/bob': ['group:default/risk'],
  'user:default/pat': ['group:default/platform-team'],
};
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
const ALICE = as('user:default/alice');
const BOB = as('user:default/bob');
const PAT = as('user:default/pat');

describe('FleetExamplePolicy', () => {
  const policy = new FleetExamplePolicy();
  const user = (ownershipEntityRefs: string[]) => ({
    credentials: mockCredentials.user(ownershipEntityRefs[0]),
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
  });
  const alice = user(['user:default/alice', 'group:default/trading']);

  it('gives a group the clusters it owns and the platform team all of them', async () => {
    for (const permission of [
      fleetClusterReadPermission,
      fleetClusterRequestPermission,
    ]) {
      expect(await policy.handle({ permission }, alice)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'fleet',
        resourceType: 'fleet-cluster',
        conditions: {
          rule: 'IS_OWNED_BY',
          resourceType: 'fleet-cluster',
          params: { claims: alice.info.ownershipEntityRefs },
        },
      });
      expect(
        await policy.handle(
          { permission },
          user(['user:default/pat', 'group:default/Platform-Team']),
        ),
      ).toEqual({ result: AuthorizeResult.ALLOW });
      expect(await policy.handle({ permission })).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
    expect(
      await policy.handle({ permission: fleetGitopsMergePermission }, alice),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});

describe('per-cluster read permissions with a real policy', () => {
  let sim: FleetSimulator;
  let root: string;
  let repo: LocalRepository;
  beforeAll(async () => {
    sim = await startFleetSimulator({ clusters: 6, tls: true });
    root = mkdtempSync(join(tmpdir(), 'fleet-policy-'));
    repo = await createGitopsRepository(join(root, 'gitops'));
  });
  afterAll(async () => {
    await sim.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function startFleet(policy: BackendFeature) {
    const { server } = await startTestBackend({
      features: [
        fleetPlugin,
        permissionPlugin,
        policy,
        authKeepingActor,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            fleet: {
              ...simulatorFleetConfig(sim),
              gitops: { localRepository: repo.dir, defaultBranch: 'main' },
            },
          },
        }),
        userInfoWithGroups(GROUPS),
      ],
    });
    return server;
  }

  it('shows a group its own clusters on every route, the platform team all of them', async () => {
    const server = await startFleet(fleetExamplePolicyModule);
    const all = await clustersOnceRead(server, PAT.Authorization, 6);
    expect(all).toHaveLength(6);
    const owned = (group: string) =>
      all.filter(c => c.owner === `group:default/${group}`);
    const [alices, bobs] = [owned('trading'), owned('risk')];
    expect(alices).toHaveLength(2);
    expect(bobs).toHaveLength(2);
    const ids = (items: Array<{ id: string }>) => items.map(c => c.id).sort();

    // Asked in turn on one backend: a cached list never reaches a user of another group.
    for (const [user, expected] of [
      [ALICE, alices],
      [BOB, bobs],
      [ALICE, alices],
      [PAT, all],
    ] as const) {
      const list = (await request(server).get('/api/fleet/clusters').set(user))
        .body as ClusterListResponse;
      expect(ids(list.items)).toEqual(ids(expected));
      const inventory = await request(server)
        .get('/api/fleet/inventory')
        .set(user);
      expect(ids(inventory.body.items)).toEqual(ids(expected));
    }
    const aliceList = await request(server)
      .get('/api/fleet/clusters')
      .set(ALICE);
    const patList = await request(server).get('/api/fleet/clusters').set(PAT);
    expect(aliceList.headers.etag).not.toBe(patList.headers.etag);
    expect(aliceList.body.sources).toEqual([
      expect.objectContaining({ id: 'mgmt', scope: 'management' }),
    ]);

    const mine = alices[0].id;
    const theirs = bobs[0].id;
    const at = encodeURIComponent(new Date().toISOString());
    for (const path of ['', '/history', `/state?at=${at}`]) {
      await request(server)
        .get(`/api/fleet/clusters/${mine}${path}`)
        .set(ALICE)
        .expect(200);
      await request(server)
        .get(`/api/fleet/clusters/${theirs}${path}`)
        .set(PAT)
        .expect(200);
      const hidden = await request(server)
        .get(`/api/fleet/clusters/${theirs}${path}`)
        .set(ALICE);
      expect(hidden.status).toBe(404);
      // Bob's cluster answers exactly as one that does not exist.
      expect(hidden.body.error).toEqual({
        name: 'NotFoundError',
        message: `cluster ${theirs} is not in the fleet`,
      });
    }

    // Plugins acting on their own (the catalog's entity provider) still read every cluster.
    const catalog = await request(server)
      .get('/api/fleet/inventory')
      .set({ Authorization: mockCredentials.service.header() });
    expect(catalog.body.items).toHaveLength(6);

    // Alice's request about her cluster, Bob's about his, and Bob's about Alice's.
    await commitRequest(
      repo,
      'fleet/k0s-upgrade/a1',
      alices[0],
      'user:default/alice',
    );
    await commitRequest(
      repo,
      'fleet/k0s-upgrade/b1',
      bobs[0],
      'user:default/bob',
    );
    await commitRequest(
      repo,
      'fleet/k0s-upgrade/b2',
      alices[1],
      'user:default/bob',
    );
    const requests = async (user: typeof ALICE, query = '') =>
      (
        (
          await request(server)
            .get(`/api/fleet/requests${query}`)
            .set(user)
            .expect(200)
        ).body as GitopsRequestListResponse
      ).items
        .map(r => r.branch)
        .sort();
    expect(await requests(PAT)).toEqual([
      'fleet/k0s-upgrade/a1',
      'fleet/k0s-upgrade/b1',
      'fleet/k0s-upgrade/b2',
    ]);
    expect(await requests(ALICE)).toEqual([
      'fleet/k0s-upgrade/a1',
      'fleet/k0s-upgrade/b2',
    ]);
    expect(await requests(ALICE, `?cluster=${bobs[0].ref.name}`)).toEqual([]);
    // Bob still sees what he filed himself, about Alice's cluster too.
    expect(await requests(BOB)).toEqual([
      'fleet/k0s-upgrade/b1',
      'fleet/k0s-upgrade/b2',
    ]);
  });

  it('answers 403 on every route when the policy denies', async () => {
    const server = await startFleet(denyAll);
    for (const path of [
      '/api/fleet/clusters',
      '/api/fleet/inventory',
      '/api/fleet/clusters/mgmt/team-risk/x',
      '/api/fleet/clusters/mgmt/team-risk/x/history',
      '/api/fleet/clusters/mgmt/team-risk/x/state?at=2026-01-01T00:00:00Z',
      '/api/fleet/requests',
      '/api/fleet/management',
    ]) {
      const res = await request(server).get(path).set(PAT);
      expect({ path, status: res.status, error: res.body.error?.name }).toEqual(
        {
          path,
          status: 403,
          error: 'NotAllowedError',
        },
      );
    }
  });
});
