import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import {
  branchHead,
  clusterDeploymentPath,
  dnsRecordPath,
  imagePath,
  findLocalRepository,
  readCommitFiles,
  setBranch,
  vmPath,
  writeFilesCommit,
} from '@fleet-portal/plugin-fleet-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createTestStore } from '../__testUtils__/testStore';
import { simulatorRefresher } from '../__testUtils__/simulatorRefresher';
import type { DatabaseFleetStore } from './DatabaseFleetStore';
import type { FleetRefresher } from './FleetRefresher';
import { storedDetail } from '../__testUtils__/storedDetail';

jest.setTimeout(60_000);

const KUSTOMIZATION = {
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  namespace: 'flux-system',
  name: 'fleet-clusters',
};

describe('Flux state per cluster, read from the simulated management cluster (TLS, real client)', () => {
  let dir: string;
  let sim: FleetSimulator;
  let store: DatabaseFleetStore;
  let refresher: FleetRefresher;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-flux-'));
    sim = await startFleetSimulator({
      clusters: 3,
      tls: true,
      gitops: { dir: join(dir, 'repo'), pollMs: 60_000, stepMs: 60_000 },
    });
    ({ store } = await createTestStore());
    refresher = simulatorRefresher(sim, store, {
      gitopsRepository: join(dir, 'repo'),
    });
  });
  afterEach(async () => {
    await refresher.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cluster = () => sim.model.clusters[0];
  async function detail(): Promise<ClusterDetail> {
    await refresher.refreshAll();
    return storedDetail(store, cluster());
  }
  async function commit(
    edit: (text: string) => string,
    path = clusterDeploymentPath(cluster().namespace, cluster().name),
  ): Promise<string> {
    const repo = findLocalRepository(join(dir, 'repo'))!;
    const parent = (await branchHead(repo, 'main'))!;
    const files = await readCommitFiles(repo, parent);
    files.set(path, Buffer.from(edit(files.get(path)!.toString())));
    const oid = await writeFilesCommit(repo, {
      files,
      parent,
      message: 'change',
      author: { name: 'Test', email: 'test@localhost' },
    });
    await setBranch(repo, 'main', oid);
    await sim.gitops!.reconcile();
    return `main@sha1:${oid}`;
  }
  const fluxDrift = (d: ClusterDetail) =>
    d.drift.filter(f => f.type === 'git-pending' || f.type === 'flux-failing');

  it('names the Kustomization that applied the cluster, with the fetched and applied revisions and their sources', async () => {
    const repo = findLocalRepository(join(dir, 'repo'))!;
    const head = `main@sha1:${await branchHead(repo, 'main')}`;
    const d = await detail();
    expect(d.gitops).toMatchObject({
      kustomization: {
        namespace: 'flux-system',
        name: 'fleet-clusters',
        path: './clusters',
      },
      fetchedRevision: { value: head },
      appliedRevision: { value: head },
      lastAttemptedRevision: { value: head },
      ready: { value: { status: 'True', reason: 'ReconciliationSucceeded' } },
      suspended: false,
    });
    expect(d.gitops!.fetchedRevision!.source).toMatchObject({
      kind: 'GitRepository',
      name: 'flux-system',
      field: 'status.artifact.revision',
      readFrom: { scope: 'management', cluster: 'mgmt' },
    });
    expect(d.gitops!.appliedRevision!.source).toMatchObject({
      kind: 'Kustomization',
      name: 'fleet-clusters',
      field: 'status.lastAppliedRevision',
    });
    expect(fluxDrift(d)).toEqual([]);
  });

  it('reports a failing apply with its reason, and Git ahead of what is applied', async () => {
    const applied = (await detail()).gitops!.appliedRevision!.value;
    const attempted = await commit(() => 'spec: [unclosed\n');
    const d = await detail();
    expect(d.gitops!.appliedRevision!.value).toBe(applied);
    expect(d.gitops!.lastAttemptedRevision!.value).toBe(attempted);
    expect(fluxDrift(d)).toEqual([
      {
        type: 'flux-failing',
        kustomization: 'flux-system/fleet-clusters',
        reason: 'BuildFailed',
        message: expect.stringContaining(
          clusterDeploymentPath(cluster().namespace, cluster().name),
        ),
        revision: attempted,
      },
      {
        type: 'git-pending',
        kustomization: 'flux-system/fleet-clusters',
        fetched: attempted,
        applied,
        // The commits not applied yet, read from the repository.
        ahead: 1,
        commits: [
          {
            commit: attempted.replace('main@sha1:', ''),
            title: 'change',
            committedAt: expect.any(String),
          },
        ],
      },
    ]);
  });

  it('reports a suspended Kustomization, whose merged changes wait', async () => {
    const applied = (await detail()).gitops!.appliedRevision!.value;
    // Suspended through Git, as the root Kustomization applies flux-system/ itself.
    await commit(
      text => text.replace('  prune: true', '  prune: true\n  suspend: true'),
      'flux-system/clusters.yaml',
    );
    const fetched = await commit(text =>
      text.replace(/version: v1\.31\.\d+\+k0s\.0/, 'version: v1.32.0+k0s.0'),
    );
    const d = await detail();
    expect(d.gitops!.suspended).toBe(true);
    expect(fluxDrift(d).map(f => [f.type, (f as any).reason])).toEqual([
      ['flux-failing', 'Suspended'],
      ['git-pending', undefined],
    ]);
    expect(d.drift).toContainEqual(
      expect.objectContaining({ type: 'git-pending', fetched, applied }),
    );
  });

  it('finds a live object edited outside Git, with the fields that differ', async () => {
    expect(
      (await detail()).drift.filter(f => f.type === 'live-differs-from-git'),
    ).toEqual([]);
    const mgmt = sim.objects('mgmt');
    const ref = {
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeployment',
      namespace: cluster().namespace,
      name: cluster().name,
    };
    const live = mgmt.get(ref)!;
    (live.spec as any).config.k0s.version = 'v1.31.9+k0s.0';
    (live.spec as any).config.workersNumber = 7;
    // A label Git sets, changed; one Git does not set, added (not an edit of Git's fields).
    live.metadata.labels = {
      ...live.metadata.labels,
      'fleetportal.io/team': 'someone-else',
      'hand-added': 'yes',
    };
    mgmt.upsert(live);
    const vmRef = {
      apiVersion: 'infra.virtrigaud.io/v1beta1',
      kind: 'VirtualMachine',
      namespace: cluster().namespace,
      name: cluster().nodes[0].name,
    };
    const vm = mgmt.get(vmRef)!;
    (vm.spec as any).powerState = 'Off';
    mgmt.upsert(vm);
    const d = await detail();
    const applied = d.gitops!.appliedRevision!.value;
    expect(d.drift.filter(f => f.type === 'live-differs-from-git')).toEqual([
      {
        type: 'live-differs-from-git',
        object: `ClusterDeployment ${cluster().namespace}/${cluster().name}`,
        path: clusterDeploymentPath(cluster().namespace, cluster().name),
        revision: applied,
        fields: [
          'spec.config.k0s.version',
          'spec.config.workersNumber',
          'metadata.labels.fleetportal.io/team',
        ],
      },
      {
        type: 'live-differs-from-git',
        object: `VirtualMachine ${cluster().namespace}/${vmRef.name}`,
        path: vmPath(vmRef.namespace, cluster().name, vmRef.name),
        revision: applied,
        fields: ['spec.powerState'],
      },
    ]);
  });

  it("compares the cluster's VMImages and DNS records too, each at its own Kustomization's revision", async () => {
    const c = cluster();
    const liveDiffs = (d: ClusterDetail) =>
      d.drift.filter(f => f.type === 'live-differs-from-git');
    expect(liveDiffs(await detail())).toEqual([]);

    // fleet-dns suspended, then a record changed in Git: Flux has not applied it, so the live
    // record, still as the older revision had it, is no edit outside Git.
    await commit(
      text => text.replace('  prune: true', '  prune: true\n  suspend: true'),
      'flux-system/dns.yaml',
    );
    const record = c.dnsRecords[0];
    const recordFile = dnsRecordPath(c.zone, record.kind, record.name);
    await commit(text => {
      const manifest = parse(text);
      manifest.spec.ttl = 4242;
      return stringify(manifest);
    }, recordFile);
    const afterGitChange = await detail();
    expect(liveDiffs(afterGitChange)).toEqual([]);
    const clustersRevision = afterGitChange.gitops!.appliedRevision!.value;

    // Edited live, outside Git: the image in the management cluster, the record in bindy's.
    const dns = sim.objects('dns');
    const liveRecord = dns.get({
      apiVersion: 'bindy.firestoned.io/v1beta1',
      kind: record.kind,
      namespace: record.namespace,
      name: record.name,
    })!;
    (liveRecord.spec as any).ttl = 60;
    dns.upsert(liveRecord);
    const mgmt = sim.objects('mgmt');
    const image = mgmt
      .list({
        apiVersion: 'infra.virtrigaud.io/v1beta1',
        kind: 'VMImage',
        namespace: c.namespace,
      })
      .find(i => i.metadata.name === c.desiredVmImage)!;
    (image.spec as any).source.registry.image = 'hand/edited:1.0';
    mgmt.upsert(image);

    const d = await detail();
    const findings = liveDiffs(d) as Array<
      Extract<ClusterDetail['drift'][number], { type: 'live-differs-from-git' }>
    >;
    const imageFinding = findings.find(f => f.object.startsWith('VMImage'));
    expect(imageFinding).toMatchObject({
      object: `VMImage ${image.metadata.namespace}/${image.metadata.name}`,
      path: imagePath(image.metadata.namespace!, image.metadata.name),
      revision: clustersRevision,
      fields: ['spec.source.registry.image'],
    });
    const recordFinding = findings.find(f => f.object.startsWith(record.kind));
    expect(recordFinding).toMatchObject({
      object: `${record.kind} ${record.namespace}/${record.name}`,
      path: recordFile,
      fields: ['spec.ttl'],
    });
    // Compared with what fleet-dns applied, not with the newer revision the clusters are at.
    expect(recordFinding!.revision).not.toBe(clustersRevision);
  });

  it('takes a Kustomization with a malformed inventory as holding nothing, and reads the rest', async () => {
    const broken = sim.objects('mgmt').get(KUSTOMIZATION)!;
    (broken.status as any).inventory = { entries: 'not a list' };
    sim.objects('mgmt').upsert(broken);
    const d = await detail();
    expect(d.gitops).toBeUndefined();
    expect(d.read.failures).toEqual([]);
    expect(d.nodes.total).toBeGreaterThan(0);
  });
});
