import {
  branchHead,
  buildFluxPath,
  clusterDeploymentPath,
  dnsRecordPath,
  FileMap,
  findLocalRepository,
  GITOPS_AREAS,
  LocalRepository,
  readCommitFiles,
  setBranch,
  toYaml,
  vmPath,
  writeFilesCommit,
} from '@fleet-portal/plugin-fleet-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describeErrors, loadCrdValidators } from '../upstreamCrds';
import { CLUSTER_LABEL, ZONE_LABEL } from '../generateFleet';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '../startFleetSimulator';
import type { KubeObject } from '../types';

const author = { name: 'Test', email: 'test@localhost' };
const CD = {
  apiVersion: 'k0rdent.mirantis.com/v1beta1',
  kind: 'ClusterDeployment',
};
const KS = {
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
};
const KCP = {
  apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
  kind: 'K0sControlPlane',
};
const K0SMOTRON_CP = { ...KCP, kind: 'K0smotronControlPlane' };

let dir: string;
let sim: FleetSimulator;
let repo: LocalRepository;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fleet-gitops-'));
  sim = await startFleetSimulator({
    clusters: 6,
    gitops: { dir: join(dir, 'repo'), pollMs: 60_000, stepMs: 60_000 },
  });
  repo = findLocalRepository(join(dir, 'repo'))!;
});

afterEach(async () => {
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function headFiles(): Promise<FileMap> {
  return readCommitFiles(repo, (await branchHead(repo, 'main'))!);
}

/** Commits an edit of the default branch, as merging a request would, and lets Flux apply it. */
async function commit(edit: (files: FileMap) => void): Promise<string> {
  const parent = (await branchHead(repo, 'main'))!;
  const files = await readCommitFiles(repo, parent);
  edit(files);
  const oid = await writeFilesCommit(repo, {
    files,
    parent,
    message: 'change',
    author,
  });
  await setBranch(repo, 'main', oid);
  await sim.gitops!.reconcile();
  return oid;
}

const readYaml = (files: FileMap, path: string) =>
  parseAllDocuments(files.get(path)!.toString('utf8')).map(d => d.toJS());
const writeYaml = (files: FileMap, path: string, objects: unknown[]) =>
  files.set(path, Buffer.from(objects.map(o => toYaml(o)).join('---\n')));

const kustomization = (name: string) =>
  sim.objects('mgmt').get({ ...KS, namespace: 'flux-system', name })!;
const gitRepository = () =>
  sim.objects('mgmt').get({
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    namespace: 'flux-system',
    name: 'flux-system',
  })!;
const ready = (object: KubeObject) =>
  (object.status as any).conditions.find((c: any) => c.type === 'Ready');

function steps(n: number) {
  for (let i = 0; i < n; i++) sim.gitops!.step();
}

describe('the demo fleet born from its GitOps repository', () => {
  it('holds every generated object Flux manages, valid upstream, and builds in every area', async () => {
    const files = await headFiles();
    for (const cluster of sim.model.clusters)
      expect(
        files.has(clusterDeploymentPath(cluster.namespace, cluster.name)),
      ).toBe(true);
    const validators = loadCrdValidators(true);
    const problems: string[] = [];
    for (const area of GITOPS_AREAS) {
      for (const { object } of buildFluxPath(files, `./${area.name}`)) {
        expect((object as any).status).toBeUndefined();
        if (!object.apiVersion.includes('/')) continue;
        const validate = validators.validator(object.apiVersion, object.kind)!;
        if (!validate(object))
          problems.push(...describeErrors(object as any, validate.errors));
      }
    }
    expect(problems).toEqual([]);
    expect(
      buildFluxPath(files, './')
        .map(b => b.object.kind)
        .sort(),
    ).toEqual(['GitRepository', ...Array(5).fill('Kustomization')]);
  });

  it('applies the head revision: source artifact, Ready kustomizations and their inventories', async () => {
    const head = await branchHead(repo, 'main');
    const revision = `main@sha1:${head}`;
    const source = gitRepository();
    expect((source.status as any).artifact.revision).toBe(revision);
    for (const area of GITOPS_AREAS) {
      const k = kustomization(area.kustomization);
      expect(ready(k)).toMatchObject({
        status: 'True',
        reason: 'ReconciliationSucceeded',
      });
      expect((k.status as any).lastAppliedRevision).toBe(revision);
    }
    const entries = (kustomization('fleet-clusters').status as any).inventory
      .entries;
    expect(entries).toHaveLength(sim.model.clusters.length);
    expect(entries[0].id).toMatch(
      /^team-[a-z]+_[a-z0-9-]+_k0rdent\.mirantis\.com_ClusterDeployment$/,
    );
    // The DNS area is applied to the DNS cluster.
    expect(
      (kustomization('fleet-dns').status as any).inventory.entries.length,
    ).toBe(
      sim
        .objects('dns')
        .list()
        .filter(o => o.apiVersion.startsWith('bindy')).length,
    );
  });

  it('leaves what the generated fleet was made to show alone until Git changes it', async () => {
    const before = ['mgmt', 'dns', ...sim.clusterNames()].map(scope =>
      sim
        .objects(scope)
        .list()
        .filter(o => o.kind !== 'Kustomization' && o.kind !== 'GitRepository'),
    );
    // Flux's first apply of the seeded repository changed no generated object.
    for (const generated of [...sim.model.mgmt, ...sim.model.dns]) {
      const scope = sim.model.mgmt.includes(generated) ? 'mgmt' : 'dns';
      const stored = sim.objects(scope).get({
        apiVersion: generated.apiVersion,
        kind: generated.kind,
        name: generated.metadata.name,
        namespace: generated.metadata.namespace,
      });
      expect([generated.metadata.name, stored?.metadata.generation]).toEqual([
        generated.metadata.name,
        generated.metadata.generation ?? stored?.metadata.generation,
      ]);
    }
    steps(5);
    const after = ['mgmt', 'dns', ...sim.clusterNames()].map(scope =>
      sim
        .objects(scope)
        .list()
        .filter(o => o.kind !== 'Kustomization' && o.kind !== 'GitRepository'),
    );
    expect(after).toEqual(before);
  });

  it('keeps the previous revision applied when a manifest does not build', async () => {
    const before = (kustomization('fleet-clusters').status as any)
      .lastAppliedRevision;
    const cluster = sim.model.clusters[0];
    const oid = await commit(files =>
      files.set(
        clusterDeploymentPath(cluster.namespace, cluster.name),
        Buffer.from('spec: [unclosed\n'),
      ),
    );
    const k = kustomization('fleet-clusters');
    expect(ready(k)).toMatchObject({ status: 'False', reason: 'BuildFailed' });
    expect(ready(k).message).toContain(
      clusterDeploymentPath(cluster.namespace, cluster.name),
    );
    expect((k.status as any).lastAppliedRevision).toBe(before);
    expect((k.status as any).lastAttemptedRevision).toBe(`main@sha1:${oid}`);
    expect(
      sim
        .objects('mgmt')
        .get({ ...CD, namespace: cluster.namespace, name: cluster.name }),
    ).toBeDefined();
    // The other areas built and applied the new revision.
    expect(
      (kustomization('fleet-images').status as any).lastAppliedRevision,
    ).toBe(`main@sha1:${oid}`);
  });

  it('rolls a k0s upgrade one node at a time, then the control plane build', async () => {
    const cluster = sim.model.clusters[0];
    const path = clusterDeploymentPath(cluster.namespace, cluster.name);
    const target = 'v1.32.1+k0s.0';
    await commit(files => {
      const [cd] = readYaml(files, path);
      cd.spec.config.k0s.version = target;
      writeYaml(files, path, [cd]);
    });
    const kcpRef = {
      ...KCP,
      namespace: cluster.namespace,
      name: `${cluster.name}-cp`,
    };
    const kubelets = () =>
      sim
        .objects(cluster.name)
        .list({ apiVersion: 'v1', kind: 'Node' })
        .map(n => (n.status as any).nodeInfo.kubeletVersion);
    steps(1);
    expect((sim.objects('mgmt').get(kcpRef)!.spec as any).version).toBe(target);
    expect(kubelets().filter(v => v === 'v1.32.1+k0s')).toHaveLength(0);
    for (let done = 1; done <= cluster.nodes.length; done++) {
      steps(1);
      expect(kubelets().filter(v => v === 'v1.32.1+k0s')).toHaveLength(done);
    }
    expect((sim.objects('mgmt').get(kcpRef)!.status as any).version).not.toBe(
      target,
    );
    steps(1);
    expect((sim.objects('mgmt').get(kcpRef)!.status as any).version).toBe(
      target,
    );
  });

  it('rolls a k0s upgrade of a k0smotron cluster through its K0smotronControlPlane', async () => {
    const kcp = sim.objects('mgmt').list(K0SMOTRON_CP)[0];
    const cluster = sim.model.clusters.find(
      c => `${c.name}-cp` === kcp.metadata.name,
    )!;
    const path = clusterDeploymentPath(cluster.namespace, cluster.name);
    const target = 'v1.32.4+k0s.0';
    await commit(files => {
      const [cd] = readYaml(files, path);
      cd.spec.config.k0s.version = target;
      writeYaml(files, path, [cd]);
    });
    const ref = { namespace: cluster.namespace, name: `${cluster.name}-cp` };
    steps(cluster.nodes.length + 2);
    const upgraded = sim.objects('mgmt').get({ ...K0SMOTRON_CP, ...ref })!;
    expect((upgraded.spec as any).version).toBe(target);
    expect((upgraded.status as any).version).toBe(target);
    expect(sim.objects('mgmt').get({ ...KCP, ...ref })).toBeUndefined();
  });

  it('scales workers up and drains them down', async () => {
    const cluster = sim.model.clusters[1];
    const path = clusterDeploymentPath(cluster.namespace, cluster.name);
    const workers = () =>
      sim.objects(cluster.name).list({
        apiVersion: 'v1',
        kind: 'Node',
        labelSelector: 'node.k0sproject.io/role=worker',
      });
    const start = workers().length;
    const setWorkers = (n: number) =>
      commit(files => {
        const [cd] = readYaml(files, path);
        cd.spec.config.workersNumber = n;
        writeYaml(files, path, [cd]);
      });
    await setWorkers(start + 1);
    steps(1);
    expect(workers()).toHaveLength(start + 1);
    await setWorkers(start);
    steps(1);
    const cordoned = workers().filter(n => (n.spec as any).unschedulable);
    expect(cordoned).toHaveLength(1);
    steps(1);
    expect(workers()).toHaveLength(start);
    expect(workers().map(n => n.metadata.name)).not.toContain(
      cordoned[0].metadata.name,
    );
  });

  it('boots a new VM as a Kairos node with the image its VMImage pins', async () => {
    const cluster = sim.model.clusters[2];
    const files = await headFiles();
    const existing = [...files.keys()].find(p =>
      p.startsWith(`vms/${cluster.namespace}/${cluster.name}/`),
    )!;
    const [vm, secret] = readYaml(files, existing);
    const name = `${cluster.name}-worker-new`;
    vm.metadata.name = name;
    secret.metadata.name = `${name}-cloud-config`;
    vm.spec.userData.cloudInit.secretRef.name = secret.metadata.name;
    await commit(f =>
      writeYaml(f, vmPath(cluster.namespace, cluster.name, name), [vm, secret]),
    );
    const vmRef = {
      apiVersion: 'infra.virtrigaud.io/v1beta1',
      kind: 'VirtualMachine',
      namespace: cluster.namespace,
      name,
    };
    const node = () =>
      sim.objects(cluster.name).get({ apiVersion: 'v1', kind: 'Node', name });
    steps(1);
    expect((sim.objects('mgmt').get(vmRef)!.status as any).phase).toBe(
      'Provisioning',
    );
    expect(node()).toBeUndefined();
    steps(1);
    expect((sim.objects('mgmt').get(vmRef)!.status as any).phase).toBe(
      'Running',
    );
    const image = sim.objects('mgmt').get({
      apiVersion: 'infra.virtrigaud.io/v1beta1',
      kind: 'VMImage',
      namespace: cluster.namespace,
      name: vm.spec.imageRef.name,
    })!;
    expect(node()!.metadata.annotations!['fleetportal.io/image-ref']).toBe(
      image.metadata.annotations!['fleetportal.io/image-ref'],
    );
    // Flux substituted the join token from its Secret.
    const applied = sim.objects('mgmt').get({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: cluster.namespace,
      name: secret.metadata.name,
    })!;
    const userdata = Buffer.from(
      (applied.data as any).userdata,
      'base64',
    ).toString('utf8');
    expect(userdata).toMatch(/content: k0s-join-[0-9a-f]{32}/);
  });

  it('syncs a new record, and reports one no zone selects as NotSelected', async () => {
    const files = await headFiles();
    const zonePath = [...files.keys()].find(p =>
      /^dns\/[^/]+\/zone\.yaml$/.test(p),
    )!;
    const [zone] = readYaml(files, zonePath);
    const record = (name: string, labels: Record<string, string>) => ({
      apiVersion: 'bindy.firestoned.io/v1beta1',
      kind: 'ARecord',
      metadata: { name, namespace: zone.metadata.namespace, labels },
      spec: { name, ipv4Addresses: ['10.1.2.3'] },
    });
    await commit(f => {
      writeYaml(f, dnsRecordPath(zone.spec.zoneName, 'ARecord', 'new-app'), [
        record('new-app', { [ZONE_LABEL]: zone.spec.zoneName }),
      ]);
      const [z] = readYaml(f, zonePath);
      z.spec.recordsFrom = [
        {
          selector: {
            matchLabels: { [ZONE_LABEL]: zone.spec.zoneName, tier: 'public' },
          },
        },
      ];
      writeYaml(f, zonePath, [z]);
    });
    const get = () =>
      sim.objects('dns').get({
        apiVersion: 'bindy.firestoned.io/v1beta1',
        kind: 'ARecord',
        namespace: zone.metadata.namespace,
        name: 'new-app',
      })!;
    expect(get().status).toBeUndefined();
    steps(1);
    expect((get().status as any).conditions[0]).toMatchObject({
      status: 'False',
      reason: 'NotSelected',
    });
    await commit(f => {
      writeYaml(f, dnsRecordPath(zone.spec.zoneName, 'ARecord', 'new-app'), [
        record('new-app', { [ZONE_LABEL]: zone.spec.zoneName, tier: 'public' }),
      ]);
    });
    steps(1);
    expect((get().status as any).conditions[0]).toMatchObject({
      status: 'True',
      reason: 'ReconcileSucceeded',
    });
  });

  it('provisions a new cluster and removes a decommissioned one', async () => {
    const [gone, template] = [sim.model.clusters[3], sim.model.clusters[4]];
    const name = 'fresh-1';
    await commit(files => {
      for (const path of [...files.keys()])
        if (
          path.startsWith(`clusters/${gone.namespace}/${gone.name}/`) ||
          path.startsWith(`vms/${gone.namespace}/${gone.name}/`)
        )
          files.delete(path);
      const [cd] = readYaml(
        files,
        clusterDeploymentPath(template.namespace, template.name),
      );
      cd.metadata.name = name;
      cd.spec.config.clusterLabels[CLUSTER_LABEL] = name;
      writeYaml(files, clusterDeploymentPath(template.namespace, name), [cd]);
    });
    const mgmt = sim.objects('mgmt');
    expect(
      mgmt.get({ ...CD, namespace: gone.namespace, name: gone.name }),
    ).toBeUndefined();
    expect(sim.clusterNames()).toContain(gone.name);
    // The fourth cluster's control plane is a K0smotronControlPlane: it goes the same way.
    const goneControlPlanes = () =>
      [KCP, K0SMOTRON_CP].filter(kind =>
        mgmt.get({
          ...kind,
          namespace: gone.namespace,
          name: `${gone.name}-cp`,
        }),
      );
    expect(goneControlPlanes()).toEqual([K0SMOTRON_CP]);
    steps(1);
    expect(goneControlPlanes()).toEqual([]);
    expect(
      mgmt.get({ ...KCP, namespace: template.namespace, name: `${name}-cp` }),
    ).toBeDefined();
    steps(1);
    expect(() => sim.objects(gone.name)).toThrow(/unknown scope/);
    expect(
      mgmt.get({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: gone.namespace,
        name: `${gone.name}-kubeconfig`,
      }),
    ).toBeUndefined();
    expect(
      mgmt.get({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: template.namespace,
        name: `${name}-kubeconfig`,
      }),
    ).toBeDefined();
    steps(10);
    const cd = mgmt.get({ ...CD, namespace: template.namespace, name }) as any;
    const nodes = sim.objects(name).list({ apiVersion: 'v1', kind: 'Node' });
    expect(nodes).toHaveLength(
      cd.spec.config.controlPlaneNumber + cd.spec.config.workersNumber,
    );
    expect(
      (cd.status as any).conditions.find((c: any) => c.type === 'Ready').status,
    ).toBe('True');
  });

  it('reports a source it cannot fetch, and keeps what it applied', async () => {
    const applied = (kustomization('fleet-clusters').status as any)
      .lastAppliedRevision;
    rmSync(join(dir, 'repo', '.git', 'refs', 'heads', 'main'));
    await sim.gitops!.reconcile();
    const source = gitRepository();
    expect(ready(source)).toMatchObject({
      status: 'False',
      reason: 'GitOperationFailed',
    });
    expect(ready(source).message).toContain('no branch main');
    expect(
      (kustomization('fleet-clusters').status as any).lastAppliedRevision,
    ).toBe(applied);
    expect(
      sim.objects('mgmt').list({ kind: 'ClusterDeployment' }),
    ).toHaveLength(6);
  });

  it('keeps an existing repository and what was merged into it across restarts', async () => {
    const cluster = sim.model.clusters[0];
    const path = clusterDeploymentPath(cluster.namespace, cluster.name);
    const oid = await commit(files => {
      const [cd] = readYaml(files, path);
      cd.spec.config.k0s.version = 'v1.32.1+k0s.0';
      writeYaml(files, path, [cd]);
    });
    await sim.stop();
    sim = await startFleetSimulator({
      clusters: 6,
      gitops: { dir: join(dir, 'repo'), pollMs: 60_000, stepMs: 60_000 },
    });
    expect(await branchHead(repo, 'main')).toBe(oid);
    const cd = sim
      .objects('mgmt')
      .get({ ...CD, namespace: cluster.namespace, name: cluster.name })!;
    expect((cd.spec as any).config.k0s.version).toBe('v1.32.1+k0s.0');
  });
});
