import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogScaffolderModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import permissionPlugin from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import fleetPlugin from '@fleet-portal/plugin-fleet-backend';
import type { ClusterSummary } from '@fleet-portal/plugin-fleet-common';
import {
  branchHead,
  findLocalRepository,
  listRequestBranches,
  readCommitFiles,
} from '@fleet-portal/plugin-fleet-node';
import scaffolderModuleFleet from '@fleet-portal/plugin-scaffolder-backend-module-fleet';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  authKeepingActor,
  userInfoWithGroups,
} from './__testUtils__/permissionTesting';
import { fleetExamplePolicyModule } from './fleetExamplePolicy';
import { simulatorFleetConfig } from '../__testUtils__/simulatorFleetConfig';

jest.setTimeout(60_000);

const TEMPLATES = resolvePackagePath('backend', '../../templates/all.yaml');
const GROUPS: Record<string, string[]> = {
  'user:default/alice': ['group:default/trading'],
  'user:default/pat': ['group:default/platform-team'],
};
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
const ALICE = as('user:default/alice');
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPz3q9Dz2Wul2uEi9yWUgPlO1Q57dVM0vc5/mCLhJCcm ops@fleet';
const PAT = as('user:default/pat');

async function poll<T>(
  read: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('day-2 requests with the example policy and the real permission backend', () => {
  let sim: FleetSimulator;
  let root: string;
  let server: any;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fleet-request-policy-'));
    // The simulator files its clusters in the local GitOps repository the templates publish to.
    sim = await startFleetSimulator({
      clusters: 6,
      tls: true,
      gitops: { dir: join(root, 'gitops'), pollMs: 600_000, stepMs: 600_000 },
    });
    ({ server } = await startTestBackend({
      features: [
        fleetPlugin,
        permissionPlugin,
        fleetExamplePolicyModule,
        authKeepingActor,
        userInfoWithGroups(GROUPS),
        scaffolderPlugin,
        catalogPlugin,
        catalogScaffolderModule,
        scaffolderModuleFleet,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              rules: [{ allow: ['Template', 'Location'] }],
              locations: [{ type: 'file', target: TEMPLATES }],
            },
            scaffolder: {
              defaultAuthor: { name: 'Fleet Portal', email: 'fleet@localhost' },
            },
            fleet: {
              ...simulatorFleetConfig(sim),
              gitops: {
                localRepository: join(root, 'gitops'),
                defaultBranch: 'main',
              },
            },
          },
        }),
      ],
    }));
    await poll(async () => {
      const res = await request(server)
        .get('/api/catalog/entities?filter=metadata.name=decommission-cluster')
        .set(PAT);
      return (res.body ?? []).length === 1 ? true : undefined;
    }, 'the templates in the catalog');
  });
  afterAll(async () => {
    await sim.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function runTask(
    user: typeof ALICE,
    name: string,
    values: Record<string, unknown>,
  ) {
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set(user)
      .send({ templateRef: `template:default/${name}`, values });
    expect(created.status).toBe(201);
    const status = await poll(async () => {
      const res = await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set(user);
      return ['completed', 'failed'].includes(res.body.status)
        ? (res.body.status as string)
        : undefined;
    }, `task ${name}`);
    const events = (
      await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
        .set(user)
    ).body as any[];
    const log = events
      .filter(e => e.type === 'log')
      .map(e => String(e.body.message));
    return { status, log };
  }

  /** The default branch's head and every request branch of the local GitOps repository. */
  async function repositoryState() {
    const repo = findLocalRepository(join(root, 'gitops'))!;
    const main = await branchHead(repo, 'main');
    const branches = await listRequestBranches(repo, 'main');
    return { main, branches: branches.map(b => `${b.branch} ${b.commit}`) };
  }

  it("refuses a group's day-2 request and new VMs on another group's cluster, writing nothing; its own request and the platform team's go through", async () => {
    const all = await poll(async () => {
      const res = await request(server).get('/api/fleet/clusters').set(PAT);
      const items: ClusterSummary[] = res.status === 200 ? res.body.items : [];
      return items.length === 6 ? items : undefined;
    }, 'the six clusters');
    const mine = all.find(c => c.owner === 'group:default/trading')!;
    const theirs = all.find(c => c.owner === 'group:default/risk')!;
    expect(mine).toBeDefined();
    expect(theirs).toBeDefined();
    const before = await repositoryState();

    const refused = await runTask(ALICE, 'decommission-cluster', {
      cluster: theirs.ref.name,
      namespace: theirs.ref.namespace,
      confirm: true,
    });
    expect(refused.status).toBe('failed');
    expect(refused.log.join('\n')).toContain(
      `NotAllowedError: permission fleet.cluster.request is required to change cluster ${theirs.id}; nothing was written`,
    );
    expect(await repositoryState()).toEqual(before);
    // New VMs joining Bob's cluster are a request on it too.
    const vms = await runTask(ALICE, 'new-kairos-vm', {
      cluster: theirs.ref.name,
      namespace: theirs.ref.namespace,
      name: 'extra',
      count: 1,
      role: 'worker',
      provider: 'vsphere-prod',
      vmClass: 'large',
      image: 'any-image',
      networkRef: 'prod-vlan20',
      sshAuthorizedKeys: [SSH_KEY],
    });
    expect(vms.status).toBe('failed');
    expect(vms.log.join('\n')).toContain(
      `permission fleet.cluster.request is required to change cluster ${theirs.id}`,
    );
    expect(await repositoryState()).toEqual(before);

    const repo = findLocalRepository(join(root, 'gitops'))!;
    const files = await readCommitFiles(repo, before.main!);
    const { name, namespace } = mine.ref;
    const cd = parse(
      files
        .get(`clusters/${namespace}/${name}/clusterdeployment.yaml`)!
        .toString(),
    );
    const allowed = await runTask(ALICE, 'scale-cluster', {
      cluster: name,
      namespace,
      workersNumber: cd.spec.config.workersNumber + 1,
    });
    expect({
      status: allowed.status,
      log: allowed.status === 'completed' ? [] : allowed.log.slice(-3),
    }).toEqual({ status: 'completed', log: [] });
    const after = await repositoryState();
    expect(after.main).toBe(before.main);
    expect(after.branches).toHaveLength(before.branches.length + 1);
    expect(after.branches.find(b => !before.branches.includes(b))).toMatch(
      /^fleet\/scale-cluster\//,
    );

    // The platform team may change every cluster.
    const platform = await runTask(PAT, 'decommission-cluster', {
      cluster: theirs.ref.name,
      namespace: theirs.ref.namespace,
      confirm: true,
    });
    expect(platform.status).toBe('completed');
    expect((await repositoryState()).branches).toHaveLength(
      before.branches.length + 2,
    );
  });
});
