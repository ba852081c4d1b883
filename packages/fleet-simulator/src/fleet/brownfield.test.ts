import { generateFleet } from '../generateFleet';
import type { FleetModel, KubeObject } from '../types';

const fleetKeys = (object: KubeObject) =>
  [
    ...Object.keys(object.metadata.labels ?? {}),
    ...Object.keys(object.metadata.annotations ?? {}),
  ].filter(key => key.startsWith('fleetportal.io/'));

function objectsOf(model: FleetModel, cluster: string): KubeObject[] {
  const own = (o: KubeObject) =>
    o.metadata.name === cluster ||
    o.metadata.name.startsWith(`${cluster}-`) ||
    (o.spec as any)?.name?.endsWith?.(cluster);
  return [
    ...model.mgmt.filter(
      o => ['ClusterDeployment', 'VirtualMachine'].includes(o.kind) && own(o),
    ),
    ...model.children[cluster],
    ...model.dns.filter(o => o.kind.endsWith('Record') && own(o)),
  ];
}

describe('brownfield clusters', () => {
  const options = { clusters: 12, nodesPerCluster: 4, seed: 3 };
  const plain = generateFleet(options);
  const mixed = generateFleet({ ...options, brownfieldClusters: 3 });
  const brownfield = mixed.clusters.filter(c =>
    c.scenarios.includes('brownfield'),
  );

  it('are taken from the healthy clusters and change nothing else', () => {
    expect(brownfield).toHaveLength(3);
    for (const cluster of brownfield)
      expect(cluster.scenarios).toContain('healthy');
    const names = new Set(brownfield.map(c => c.name));
    const others = (model: FleetModel) =>
      model.mgmt.filter(
        o =>
          ![...names].some(
            n => o.metadata.name === n || o.metadata.name.startsWith(`${n}-`),
          ),
      );
    expect(others(mixed)).toEqual(others(plain));
    expect(
      mixed.clusters.filter(c => !names.has(c.name)).map(c => c.scenarios),
    ).toEqual(
      plain.clusters.filter(c => !names.has(c.name)).map(c => c.scenarios),
    );
  });

  it('carry no Fleet Portal key on their VMs, nodes and records', () => {
    for (const cluster of brownfield) {
      const objects = objectsOf(mixed, cluster.name).filter(
        o => o.kind !== 'ClusterDeployment',
      );
      expect(objects.some(o => o.kind === 'VirtualMachine')).toBe(true);
      expect(objects.some(o => o.kind.endsWith('Record'))).toBe(true);
      expect(objects.flatMap(fleetKeys)).toEqual([]);
    }
  });

  it('tie VMs by upstream conventions only, under names no node has', () => {
    const [cluster] = brownfield;
    const vms = mixed.mgmt.filter(
      o =>
        o.kind === 'VirtualMachine' &&
        o.metadata.name.startsWith(`${cluster.name}-vm-`),
    );
    expect(vms.map(v => v.metadata.name)).toEqual(
      cluster.nodes.map(n => n.vmName),
    );
    expect(cluster.nodes.every(n => n.vmName !== n.name)).toBe(true);
    expect(
      vms.map(v =>
        v.metadata.labels?.['cluster.x-k8s.io/cluster-name']
          ? 'capi-label'
          : (v.metadata as any).ownerReferences?.[0]?.kind,
      ),
    ).toEqual(['capi-label', 'Cluster', 'capi-label', 'Cluster']);
    const nodes = mixed.children[cluster.name].filter(o => o.kind === 'Node');
    const controlPlaneVm = vms[0];
    expect((nodes[0].spec as any).providerID).toBe(
      `vsphere://${(controlPlaneVm.status as any).id}`,
    );
  });

  it("name each cluster's DNS suffix on the ClusterDeployment", () => {
    const [cluster] = brownfield;
    const cd = mixed.mgmt.find(
      o => o.kind === 'ClusterDeployment' && o.metadata.name === cluster.name,
    )!;
    expect(cd.metadata.annotations?.['platform.example.com/dns-suffix']).toBe(
      `${cluster.name}.${cluster.zone}`,
    );
    expect(fleetKeys(cd)).toEqual([]);
    expect(cd.metadata.labels?.['platform.example.com/team']).toBe(
      cluster.team,
    );
  });

  it('refuse more brownfield clusters than healthy ones', () => {
    expect(() => generateFleet({ clusters: 8, brownfieldClusters: 3 })).toThrow(
      '3 brownfield and 0 regional clusters (plus the one onboarded as a region) are more than the 2 healthy clusters of a 8-cluster fleet',
    );
  });
});
