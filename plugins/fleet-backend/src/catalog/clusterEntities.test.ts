import type { ClusterInventoryItem } from '@internal/plugin-fleet-common';
import { entityName, fleetEntities } from './clusterEntities';

const item = (
  name: string,
  zones: string[],
  owner?: string,
): ClusterInventoryItem => ({
  id: `mgmt/team-a/${name}`,
  ref: { management: 'mgmt', namespace: 'team-a', name },
  demo: true,
  owner,
  template: 'vsphere-standalone-cp-1-0-42',
  labels: { env: 'prod', 'bad key!': 'x' },
  apiServer: `https://${name}.example.com:6443`,
  apiServerCaData: 'Q0E=',
  virtualMachines: [
    {
      namespace: 'team-a',
      name: `${name}-cp-1`,
      image: 'kairos-a',
      phase: 'Running',
      node: `${name}-cp-1`,
    },
  ],
  zones,
});

describe('fleetEntities', () => {
  const entities = fleetEntities(
    [
      item('c1', ['example.com']),
      item('c2', ['example.com'], 'group:default/risk'),
    ],
    {
      locationKey: 'fleet-portal',
      fallbackOwner: 'platform',
    },
  );

  it('makes each cluster a kubernetes-cluster Resource the Kubernetes plugin can locate', () => {
    const c1 = entities.find(e => e.metadata.name === 'c1')!;
    expect(c1.spec).toEqual({
      type: 'kubernetes-cluster',
      owner: 'platform',
      template: 'vsphere-standalone-cp-1-0-42',
    });
    expect(c1.metadata.annotations).toMatchObject({
      'kubernetes.io/api-server': 'https://c1.example.com:6443',
      'kubernetes.io/api-server-certificate-authority': 'Q0E=',
      'fleetportal.io/cluster-deployment': 'mgmt/team-a/c1',
    });
    expect(c1.metadata.labels).toEqual({ env: 'prod' });
    expect(entities.find(e => e.metadata.name === 'c2')!.spec!.owner).toBe(
      'group:default/risk',
    );
  });

  it('relates VMs and shared DNS zones to their clusters', () => {
    expect(
      entities.find(e => e.metadata.name === 'vm-team-a-c1-cp-1')!.spec,
    ).toMatchObject({
      type: 'virtual-machine',
      dependencyOf: ['resource:default/c1'],
    });
    expect(entities.filter(e => e.spec?.type === 'dns-zone')).toHaveLength(1);
    expect(
      entities.find(e => e.metadata.name === 'dns-zone-example.com')!.spec,
    ).toMatchObject({
      dependencyOf: ['resource:default/c1', 'resource:default/c2'],
    });
  });

  it('produces valid entity names', () => {
    expect(entityName('vm', 'ns', 'a'.repeat(80))).toHaveLength(63);
    expect(entityName('vm', 'a--b', 'c..d')).toBe('vm-a-b-c-d');
    expect(entityName('dns-zone', 'Ünïcode zone.')).toBe(
      'dns-zone-n-code-zone',
    );
  });
});
