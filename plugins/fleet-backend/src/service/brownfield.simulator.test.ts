import {
  BROWNFIELD_DNS_SUFFIX_ANNOTATION,
  startFleetSimulator,
  type FleetSimulator,
  type GeneratedCluster,
} from '@internal/fleet-simulator';
import type { DnsOwnershipRule } from '@fleet-portal/plugin-fleet-common';
import { simulatorRefresher } from '../__testUtils__/simulatorRefresher';
import { createTestStore } from '../__testUtils__/testStore';
import type { FleetRefresher } from './FleetRefresher';
import type { DatabaseFleetStore } from './DatabaseFleetStore';
import { storedDetail } from '../__testUtils__/storedDetail';

jest.setTimeout(60_000);

const RULES: DnsOwnershipRule[] = [
  { type: 'label', key: 'fleetportal.io/cluster' },
  { type: 'fqdn-suffix', from: BROWNFIELD_DNS_SUFFIX_ANNOTATION },
];

describe('a fleet Fleet Portal did not create (simulator, TLS, real client)', () => {
  let sim: FleetSimulator;
  let store: DatabaseFleetStore;
  let refresher: FleetRefresher;
  let brownfield: GeneratedCluster[];

  const detailOf = (cluster: GeneratedCluster) => storedDetail(store, cluster);

  beforeAll(async () => {
    sim = await startFleetSimulator({
      clusters: 12,
      nodesPerCluster: 4,
      brownfieldClusters: 3,
      tls: true,
    });
    brownfield = sim.model.clusters.filter(c =>
      c.scenarios.includes('brownfield'),
    );
    ({ store } = await createTestStore());
    refresher = simulatorRefresher(sim, store, { dnsOwnership: RULES });
    await refresher.refreshAll();
  });
  afterAll(async () => {
    refresher.close();
    await sim.stop();
  });

  it("knows every node's image and says which rule tied it to its VM", async () => {
    expect(brownfield).toHaveLength(3);
    for (const cluster of brownfield) {
      const detail = await detailOf(cluster);
      expect(detail.nodeStatuses).toHaveLength(cluster.nodes.length);
      for (const node of detail.nodeStatuses) {
        const generated = cluster.nodes.find(n => n.name === node.name)!;
        expect(node.virtualMachine?.name).toBe(generated.vmName);
        expect(node.vmMatch?.rule).toBe(
          generated.role === 'control-plane' ? 'provider-id' : 'ip',
        );
        expect(node.image).toMatchObject({
          known: true,
          reference: generated.runningImage,
          via: 'virtualmachine',
        });
      }
      expect(detail.virtualMachines.map(vm => vm.ownedBy)).toEqual(
        cluster.nodes.map((_, i) =>
          i % 2 === 0 ? 'capi-label' : 'owner-reference',
        ),
      );
      expect(detail.ownershipProblems ?? []).toEqual([]);
    }
  });

  it('lists DNS records under their cluster by the FQDN suffix the ClusterDeployment names', async () => {
    for (const cluster of brownfield) {
      const detail = await detailOf(cluster);
      const inZone = cluster.dnsRecords.filter(
        r => r.reason !== 'ZoneNotFound',
      );
      expect(inZone.length).toBeGreaterThan(0);
      expect(detail.dnsRecords.map(r => r.name).sort()).toEqual(
        expect.arrayContaining(inZone.map(r => r.name).sort()),
      );
      for (const record of detail.dnsRecords)
        expect(record.ownedBy).toMatchObject({
          rule: { type: 'fqdn-suffix', from: BROWNFIELD_DNS_SUFFIX_ANNOTATION },
          evidence: expect.stringContaining(`${cluster.name}.${cluster.zone}`),
        });
    }
    const portalMade = sim.model.clusters.find(
      c => !c.scenarios.includes('brownfield') && c.dnsRecords.length > 0,
    )!;
    const detail = await detailOf(portalMade);
    expect(detail.dnsRecords[0].ownedBy?.rule).toEqual(RULES[0]);
  });

  it('reports an ambiguous or a missing match per node, and never guesses', async () => {
    const [cluster, other] = brownfield;
    const worker = cluster.nodes.find(n => n.role === 'worker')!;
    const workerVm = sim.objects('mgmt').get({
      apiVersion: 'infra.virtrigaud.io/v1beta1',
      kind: 'VirtualMachine',
      namespace: cluster.namespace,
      name: worker.vmName!,
    })!;
    // A second VM of the cluster reports the worker's IP.
    sim.objects('mgmt').upsert({
      ...workerVm,
      metadata: {
        name: `${cluster.name}-vm-clone`,
        namespace: cluster.namespace,
        labels: { 'cluster.x-k8s.io/cluster-name': cluster.name },
      },
    });
    // The other cluster loses a worker's VM.
    const lost = other.nodes.find(n => n.role === 'worker')!;
    sim.objects('mgmt').delete({
      apiVersion: 'infra.virtrigaud.io/v1beta1',
      kind: 'VirtualMachine',
      namespace: other.namespace,
      name: lost.vmName!,
    });
    await refresher.refreshAll();

    const ambiguous = (await detailOf(cluster)).nodeStatuses.find(
      n => n.name === worker.name,
    )!;
    expect(ambiguous.virtualMachine).toBeUndefined();
    expect(ambiguous.vmMatchProblem).toBe(
      `ambiguous: 2 VirtualMachines match by ip (${[
        `${cluster.name}-vm-clone`,
        worker.vmName,
      ]
        .sort()
        .join(', ')})`,
    );
    expect(ambiguous.image).toMatchObject({
      known: false,
      reason: expect.stringContaining(ambiguous.vmMatchProblem!),
    });

    const missing = (await detailOf(other)).nodeStatuses.find(
      n => n.name === lost.name,
    )!;
    expect(missing.vmMatchProblem).toBe(
      "no VirtualMachine of the cluster matches the node's name, spec.providerID or InternalIP",
    );
    expect(missing.image.known).toBe(false);
  });
});
