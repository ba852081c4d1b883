import type { ClusterInventoryItem } from '@fleet-portal/plugin-fleet-common';
import { entityName, fleetEntities } from './clusterEntities';

const item = (
  name: string,
  zones: string[],
  owner?: string,
  management = 'mgmt',
): ClusterInventoryItem => ({
  id: `${management}/team-a/${name}`,
  ref: { management, namespace: 'team-a', name },
  demo: true,
  owner,
  template: 'vsphere-standalone-cp-1-0-42',
  labels: {
    env: 'prod',
    'platform.example.com/tier': 'gold',
    'bad key!': 'x',
    'too/many/slashes': 'x',
    long: 'x'.repeat(64),
  },
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
      kubernetes: { authProvider: 'oidc', oidcTokenProvider: 'okta' },
    },
  );

  it('makes each cluster a kubernetes-cluster Resource the Kubernetes plugin can locate', () => {
    const c1 = entities.find(e => e.metadata.name === 'c1.team-a')!;
    expect(c1.metadata.namespace).toBe('mgmt');
    expect(c1.metadata.title).toBe('c1');
    expect(c1.spec).toEqual({
      type: 'kubernetes-cluster',
      owner: 'group:default/platform',
      template: 'vsphere-standalone-cp-1-0-42',
    });
    expect(c1.metadata.annotations).toMatchObject({
      'kubernetes.io/api-server': 'https://c1.example.com:6443',
      'kubernetes.io/api-server-certificate-authority': 'Q0E=',
      'fleetportal.io/cluster-deployment': 'mgmt/team-a/c1',
      'kubernetes.io/auth-provider': 'oidc',
      'kubernetes.io/oidc-token-provider': 'okta',
    });
    // Nothing the Kubernetes plugin could take as a credential.
    expect(Object.keys(c1.metadata.annotations!).sort()).toEqual([
      'backstage.io/managed-by-location',
      'backstage.io/managed-by-origin-location',
      'fleetportal.io/cluster-deployment',
      'fleetportal.io/management-cluster',
      'kubernetes.io/api-server',
      'kubernetes.io/api-server-certificate-authority',
      'kubernetes.io/auth-provider',
      'kubernetes.io/oidc-token-provider',
    ]);
    expect(c1.metadata.labels).toEqual({
      env: 'prod',
      'platform.example.com/tier': 'gold',
    });
    expect(
      entities.find(e => e.metadata.name === 'c2.team-a')!.spec!.owner,
    ).toBe('group:default/risk');
  });

  it('names no auth provider unless one is configured, so the core Kubernetes plugin skips the clusters', () => {
    const [cluster] = fleetEntities([item('c1', [])], {
      locationKey: 'fleet-portal',
      fallbackOwner: 'platform',
    });
    expect(Object.keys(cluster.metadata.annotations!)).not.toContain(
      'kubernetes.io/auth-provider',
    );
  });

  it('relates VMs and shared DNS zones to their clusters', () => {
    expect(
      entities.find(e => e.metadata.name === 'vm-team-a-c1-cp-1')!.spec,
    ).toMatchObject({
      type: 'virtual-machine',
      dependencyOf: ['resource:mgmt/c1.team-a'],
    });
    expect(entities.filter(e => e.spec?.type === 'dns-zone')).toHaveLength(1);
    expect(
      entities.find(e => e.metadata.name === 'dns-zone-example.com')!.spec,
    ).toMatchObject({
      dependencyOf: ['resource:mgmt/c1.team-a', 'resource:mgmt/c2.team-a'],
    });
  });

  it('gives clusters of the same name in two management clusters an entity each', () => {
    const both = fleetEntities(
      [
        item('tooling-1', ['example.com'], undefined, 'mgmt-eu'),
        item('tooling-1', ['example.com'], undefined, 'mgmt-us'),
      ],
      { locationKey: 'fleet-portal', fallbackOwner: 'group:default/platform' },
    );
    const refs = both.map(
      e => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`,
    );
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs.sort()).toEqual([
      'Resource:default/dns-zone-example.com',
      'Resource:mgmt-eu/tooling-1.team-a',
      'Resource:mgmt-eu/vm-team-a-tooling-1-cp-1',
      'Resource:mgmt-us/tooling-1.team-a',
      'Resource:mgmt-us/vm-team-a-tooling-1-cp-1',
    ]);
  });

  it('produces valid entity names', () => {
    expect(entityName('vm', 'ns', 'a'.repeat(80))).toHaveLength(63);
    expect(entityName('vm', 'a--b', 'c..d')).toBe('vm-a-b-c-d');
    expect(entityName('dns-zone', 'Ünïcode zone.')).toBe(
      'dns-zone-n-code-zone',
    );
  });
});
