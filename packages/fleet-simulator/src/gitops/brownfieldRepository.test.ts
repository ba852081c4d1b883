import {
  branchHead,
  findLocalRepository,
  readCommitFiles,
  vmPath,
} from '@fleet-portal/plugin-fleet-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '../startFleetSimulator';

const VM = {
  apiVersion: 'infra.virtrigaud.io/v1beta1',
  kind: 'VirtualMachine',
};

let dir: string;
let sim: FleetSimulator;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fleet-brownfield-repo-'));
  sim = await startFleetSimulator({
    clusters: 12,
    brownfieldClusters: 2,
    regionalClusters: 2,
    gitops: { dir: join(dir, 'repo'), pollMs: 60_000, stepMs: 60_000 },
  });
});

afterAll(async () => {
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

const brownfield = () =>
  sim.model.clusters.filter(c => c.scenarios.includes('brownfield'));

describe('a demo fleet with clusters Fleet Portal did not create, born from Git', () => {
  it("files each brownfield VM under its cluster, with a cloud-config of the node's role and no Fleet Portal keys", async () => {
    const repo = findLocalRepository(join(dir, 'repo'))!;
    const files = await readCommitFiles(
      repo,
      (await branchHead(repo, 'main'))!,
    );
    expect(brownfield()).toHaveLength(2);
    for (const cluster of brownfield()) {
      for (const node of cluster.nodes) {
        const path = vmPath(cluster.namespace, cluster.name, node.vmName!);
        expect(files.has(path)).toBe(true);
        const [vm, secret] = parseAllDocuments(
          files.get(path)!.toString('utf8'),
        ).map(d => d.toJS());
        expect(vm.metadata.name).toBe(node.vmName);
        expect(secret.metadata.labels).toEqual({
          'cluster.x-k8s.io/cluster-name': cluster.name,
        });
        expect(secret.stringData.userdata).toContain(
          node.role === 'control-plane' ? 'k0s:' : 'k0s-worker:',
        );
        expect(JSON.stringify(vm)).not.toContain('fleetportal.io/');
      }
    }
    expect([...files.keys()].some(p => p.startsWith('vms/unassigned/'))).toBe(
      false,
    );
  });

  it('keeps the owner references Git does not hold once Flux applied the repository', async () => {
    await sim.gitops!.reconcile();
    for (const cluster of brownfield()) {
      const owned = cluster.nodes.filter((_, i) => i % 2 === 1);
      expect(owned.length).toBeGreaterThan(0);
      for (const node of owned) {
        const vm = sim.objects('mgmt').get({
          ...VM,
          namespace: cluster.namespace,
          name: node.vmName!,
        })!;
        expect((vm.metadata as any).ownerReferences).toEqual([
          expect.objectContaining({ kind: 'Cluster', name: cluster.name }),
        ]);
      }
    }
  });

  it("changes a brownfield node's image on the VM it runs on, named unlike the node", () => {
    const cluster = brownfield()[0];
    const node = cluster.nodes[0];
    const reference = `ghcr.io/kairos-io/kairos-ubuntu@sha256:${'ab'.repeat(
      32,
    )}`;
    sim.setNodeImage(cluster.name, node.name, reference);
    const vm = sim.objects('mgmt').get({
      ...VM,
      namespace: cluster.namespace,
      name: node.vmName!,
    })!;
    const image = sim.objects('mgmt').get({
      apiVersion: 'infra.virtrigaud.io/v1beta1',
      kind: 'VMImage',
      namespace: cluster.namespace,
      name: (vm.spec as any).imageRef.name,
    })!;
    expect(
      image.metadata.annotations?.['fleetportal.io/image-ref'] ??
        (image.spec as any).source.registry.image,
    ).toBe(reference);
  });
});
