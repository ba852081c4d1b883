import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogScaffolderModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import type { FleetSimulator } from '@internal/fleet-simulator';
import fleetPlugin from '@fleet-portal/plugin-fleet-backend';
import type {
  ClusterDetail,
  ClusterListResponse,
  ClusterSummary,
  GitopsRequestListResponse,
} from '@fleet-portal/plugin-fleet-common';
import {
  branchHead,
  findLocalRepository,
  readCommitFiles,
} from '@fleet-portal/plugin-fleet-node';
import scaffolderModuleFleet from '@fleet-portal/plugin-scaffolder-backend-module-fleet';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import { describeErrors, loadCrdValidators } from '@internal/fleet-simulator';
import { createFleetDemoModule } from './demoFleet';

jest.setTimeout(240_000);

const TEMPLATES = resolvePackagePath('backend', '../../templates/all.yaml');
const USER = 'user:default/jane.doe';
const AUTH = { Authorization: mockCredentials.user.header(USER) };
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPz3q9Dz2Wul2uEi9yWUgPlO1Q57dVM0vc5/mCLhJCcm ops@fleet';

async function poll<T>(
  read: () => Promise<T | undefined>,
  what: string,
  tries = 300,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const NEW_CLUSTER = {
  name: 'fresh-1',
  namespace: 'kcm-system',
  owner: 'group:default/platform-team',
  environment: 'prod',
  template: 'vsphere-standalone-cp-1-0-42',
  credential: 'vsphere-prod-credential',
  controlPlaneNumber: 3,
  workersNumber: 2,
  k0sVersion: 'v1.32.8+k0s.0',
  vmImage: 'kairos-k0s-v3-4-2',
  provider: {
    controlPlaneEndpointIP: '10.30.0.10',
    clusterIdentity: { name: 'vsphere-prod-identity' },
    vsphere: {
      server: 'vcenter.dc1.fleet.example.internal',
      datacenter: 'DC1',
      datastore: 'vsanDatastore',
      resourcePool: '/DC1/host/compute-a/Resources/platform',
      folder: '/DC1/vm/fleet/platform',
      thumbprint: 'AA:BB:CC:DD',
    },
    controlPlane: {
      vmTemplate: 'kairos-k0s-template',
      network: 'fleet-net',
      cpus: 4,
      memory: 8192,
    },
    worker: {
      vmTemplate: 'kairos-k0s-template',
      network: 'fleet-net',
      cpus: 8,
      memory: 16384,
    },
  },
};

describe('the demo fleet lives in its GitOps repository', () => {
  let root: string;
  let server: any;
  let simulator: FleetSimulator | undefined;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fleet-demo-gitops-'));
    ({ server } = await startTestBackend({
      features: [
        fleetPlugin,
        createFleetDemoModule({ onStarted: s => (simulator = s) }),
        scaffolderPlugin,
        catalogPlugin,
        catalogScaffolderModule,
        scaffolderModuleFleet,
        // The real scheduler, so the fleet is read again at its frequency.
        schedulerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Template', 'Location'] }],
              locations: [{ type: 'file', target: TEMPLATES }],
            },
            scaffolder: {
              defaultAuthor: { name: 'Fleet Portal', email: 'fleet@localhost' },
            },
            fleet: {
              demo: { clusters: 8, fluxIntervalMs: 100, convergenceStepMs: 50 },
              refresh: {
                frequency: { seconds: 1 },
                clusterTimeout: { seconds: 5 },
              },
              gitops: {
                localRepository: join(root, 'gitops-repo'),
                defaultBranch: 'main',
              },
            },
          },
        }),
      ],
    }));
    await poll(async () => {
      const res = await request(server)
        .get('/api/catalog/entities?filter=kind=template')
        .set(AUTH);
      return (res.body ?? []).length >= 8 ? true : undefined;
    }, 'the templates in the catalog');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function clusters(): Promise<ClusterSummary[]> {
    const body = (await request(server).get('/api/fleet/clusters').set(AUTH))
      .body as ClusterListResponse;
    return body.items ?? [];
  }
  /** One of the generated demo clusters (not one a test created). */
  async function demoCluster(index: number): Promise<ClusterSummary> {
    const name = simulator!.model.clusters[index].name;
    return (await clusters()).find(c => c.ref.name === name)!;
  }
  async function detail(id: string): Promise<ClusterDetail> {
    return (await request(server).get(`/api/fleet/clusters/${id}`).set(AUTH))
      .body;
  }

  async function runTask(name: string, values: Record<string, unknown>) {
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set(AUTH)
      .send({ templateRef: `template:default/${name}`, values });
    if (created.status !== 201)
      throw new Error(
        `${name}: ${created.status} ${JSON.stringify(created.body)}`,
      );
    const task = await poll(async () => {
      const res = await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set(AUTH);
      return ['completed', 'failed'].includes(res.body.status)
        ? res.body
        : undefined;
    }, `task ${name}`);
    const events = (
      await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
        .set(AUTH)
    ).body as any[];
    if (task.status !== 'completed')
      throw new Error(
        `${name} ${JSON.stringify(values)} failed: ${events
          .filter(e => e.type === 'log')
          .map(e => e.body.message)
          .slice(-3)
          .join(' | ')}`,
      );
    const output = events.find(e => e.type === 'completion')?.body?.output;
    const branch = /Branch `([^`]+)`/.exec(
      output?.text?.[0]?.content ?? '',
    )?.[1];
    expect(branch).toBeDefined();
    return branch!;
  }

  async function requestsOf(cluster: string) {
    return (
      await request(server)
        .get(`/api/fleet/requests?cluster=${cluster}`)
        .set(AUTH)
    ).body as GitopsRequestListResponse;
  }

  async function merge(branch: string) {
    const res = await request(server)
      .post('/api/fleet/requests/merge')
      .set(AUTH)
      .send({ branch });
    expect(res.status).toBe(200);
    return res.body.commit as string;
  }

  async function repoFiles() {
    const repo = findLocalRepository(join(root, 'gitops-repo'))!;
    return readCommitFiles(repo, (await branchHead(repo, 'main'))!);
  }

  it('runs every template for real on every kind of demo cluster, each request a branch', async () => {
    const demo = await poll(async () => {
      const items = await clusters();
      return items.length === 8 ? items : undefined;
    }, 'the demo fleet');
    const files = await repoFiles();
    // Every kind of demo cluster: healthy, not ready, drifted, rolling out, unknown digest.
    expect(
      new Set(simulator!.model.clusters.flatMap(c => c.scenarios)),
    ).toEqual(
      new Set([
        ...['healthy', 'not-ready', 'node-image-drift', 'kubelet-drift'],
        ...['build-drift', 'rollout-in-progress', 'unknown-digest'],
        ...simulator!.model.clusters.flatMap(c => c.scenarios),
      ]),
    );
    for (const cluster of demo) {
      const { name, namespace } = cluster.ref;
      const cd = parse(
        files
          .get(`clusters/${namespace}/${name}/clusterdeployment.yaml`)!
          .toString(),
      );
      const [, minor] = /^v1\.(\d+)\./.exec(cd.spec.config.k0s.version)!;
      await runTask('k0s-upgrade', {
        cluster: name,
        namespace,
        k0sVersion: `v1.${Number(minor) + 1}.0+k0s.0`,
      });
      await runTask('scale-cluster', {
        cluster: name,
        namespace,
        workersNumber: cd.spec.config.workersNumber + 1,
      });
      await runTask('decommission-cluster', {
        cluster: name,
        namespace,
        confirm: true,
      });
      const imagePath = [...files.keys()].find(p =>
        p.startsWith(`images/${namespace}/`),
      )!;
      const image = parse(files.get(imagePath)!.toString());
      await runTask('new-kairos-vm', {
        cluster: name,
        namespace,
        name: `${name}-extra`,
        count: 1,
        role: 'worker',
        provider: 'vsphere-prod',
        vmClass: 'large',
        // The VM form reads the digest from the VMImage in the repository.
        image: image.metadata.name,
        networkRef: 'prod-vlan20',
        sshAuthorizedKeys: [SSH_KEY],
      });
      const zone = (await detail(cluster.id)).zones.find(z =>
        z.endsWith('.fleet.example.com'),
      );
      expect(zone).toMatch(/\.fleet\.example\.com$/);
      await runTask('dns-records', {
        zone,
        namespace,
        cluster: name,
        records: [{ type: 'A', name: `e2e-${name}`, addresses: ['10.99.0.7'] }],
      });
    }
    // Day 1: an image, a cluster and its DNS zone.
    await runTask('register-kairos-image', {
      name: 'kairos-k0s-v3-4-2',
      namespace: 'kcm-system',
      image: `quay.io/kairos/ubuntu@sha256:${'a1'.repeat(32)}`,
      version: 'v3.4.2',
      format: 'qcow2',
      architecture: 'amd64',
    });
    await runTask('new-cluster', NEW_CLUSTER);
    await runTask('dns-zone', {
      zone: 'fresh-1.fleet.example.com',
      namespace: 'team-platform',
      cluster: 'fresh-1',
      clusterRef: 'bind9-primary',
      primaryNs: 'ns1.fleet.example.com',
      adminEmail: 'hostmaster@fleet.example.com',
      ttl: 3600,
      records: [{ type: 'A', name: 'api', addresses: ['10.30.0.10'] }],
    });

    const open = (await request(server).get('/api/fleet/requests').set(AUTH))
      .body as GitopsRequestListResponse;
    expect(open.mode).toBe('local');
    expect(open.items).toHaveLength(8 * 5 + 3);
    // What each request proposes validates against the upstream CRDs.
    const repo = findLocalRepository(join(root, 'gitops-repo'))!;
    const validators = loadCrdValidators(true);
    const problems: string[] = [];
    for (const item of open.items) {
      const branchFiles = await readCommitFiles(repo, item.commit);
      for (const path of item.files.filter(p => branchFiles.has(p))) {
        for (const doc of parseAllDocuments(
          branchFiles.get(path)!.toString(),
        )) {
          const object = doc.toJS();
          if (!object?.apiVersion?.includes('/')) continue;
          const validate = validators.validator(object.apiVersion, object.kind);
          if (!validate) problems.push(`${path}: no CRD for ${object.kind}`);
          else if (!validate(object))
            problems.push(...describeErrors(object, validate.errors));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('merging a new cluster, its image and its zone brings the cluster into the fleet', async () => {
    const open = (await request(server).get('/api/fleet/requests').set(AUTH))
      .body as GitopsRequestListResponse;
    for (const template of ['register-kairos-image', 'new-cluster', 'dns-zone'])
      await merge(
        open.items.find(r => r.template.endsWith(`/${template}`))!.branch,
      );
    const fresh = await poll(async () => {
      const found = (await clusters()).find(c => c.ref.name === 'fresh-1');
      return found && found.nodes.ready === 3 + 2 && found.dns.synced === 1
        ? found
        : undefined;
    }, 'fresh-1 with its 5 nodes ready and its record synced');
    expect(fresh.k0s.desired).toBe(NEW_CLUSTER.k0sVersion);
  });

  it('merging a k0s upgrade rolls the cluster to the new version, node by node, in the history', async () => {
    const cluster = await demoCluster(0);
    const { name, namespace } = cluster.ref;
    const before = await detail(cluster.id);
    const [, minor] = /^v1\.(\d+)\./.exec(before.k0s.desired!)!;
    const target = `v1.${Number(minor) + 1}.0+k0s.0`;
    const requests = await requestsOf(name);
    const upgrade = requests.items.find(r => r.title.includes(target))!;
    expect(upgrade).toBeDefined();
    await merge(upgrade.branch);
    let last: ClusterDetail | undefined;
    const converged = await poll(async () => {
      const d = await detail(cluster.id);
      last = d;
      return d.k0s.desired === target &&
        d.k0s.running.length === 1 &&
        d.k0s.running[0] === target.replace(/\.\d+$/, '') &&
        d.k0s.exactBuild === target
        ? d
        : undefined;
    }, `${name} on ${target}`).catch(error => {
      throw new Error(
        `${error.message}: last read ${JSON.stringify(last?.k0s)}`,
      );
    });
    expect(converged.nodes.total).toBe(before.nodes.total);
    const history = (
      await request(server)
        .get(`/api/fleet/clusters/${cluster.id}/history?kind=node-version`)
        .set(AUTH)
    ).body;
    const upgraded = new Set(
      history.items
        .filter((e: any) => e.value === target.replace(/\.\d+$/, ''))
        .map((e: any) => e.subject),
    );
    expect(upgraded.size).toBe(before.nodes.total);
    expect(simulator!.objects(name).list({ kind: 'Node' })).toHaveLength(
      before.nodes.total,
    );
    expect(namespace).toBe(before.ref.namespace);
  });

  it('refuses a branch that no longer merges cleanly and leaves the repository as it was', async () => {
    const cluster = await demoCluster(0);
    const requests = await requestsOf(cluster.ref.name);
    // It deletes the ClusterDeployment file the merged upgrade changed.
    const decommission = requests.items.find(r =>
      r.template.includes('decommission-cluster'),
    )!;
    const repo = findLocalRepository(join(root, 'gitops-repo'))!;
    const head = await branchHead(repo, 'main');
    const branchCommit = await branchHead(repo, decommission.branch);
    const res = await request(server)
      .post('/api/fleet/requests/merge')
      .set(AUTH)
      .send({ branch: decommission.branch });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/no longer merges cleanly/);
    expect(await branchHead(repo, 'main')).toBe(head);
    expect(await branchHead(repo, decommission.branch)).toBe(branchCommit);
    expect(
      simulator!
        .objects('mgmt')
        .list({ kind: 'ClusterDeployment' })
        .map(c => c.metadata.name),
    ).toContain(cluster.ref.name);
  });

  it('merging a decommission removes the cluster from the fleet', async () => {
    const all = await clusters();
    const cluster = await demoCluster(simulator!.model.clusters.length - 1);
    const requests = await requestsOf(cluster.ref.name);
    const decommission = requests.items.find(r =>
      r.template.includes('decommission-cluster'),
    )!;
    await merge(decommission.branch);
    const remaining = await poll(async () => {
      const items = await clusters();
      return items.some(c => c.id === cluster.id) ? undefined : items;
    }, `${cluster.id} gone`);
    expect(remaining).toHaveLength(all.length - 1);
    expect(() => simulator!.objects(cluster.ref.name)).toThrow(/unknown scope/);
  });
});
