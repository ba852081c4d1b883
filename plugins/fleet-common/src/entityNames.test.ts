import {
  clusterEntityRef,
  clusterEntityRefString,
  managementEntityNamespace,
} from './entityNames';

const VALID_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const VALID_NAMESPACE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('clusterEntityRef', () => {
  it('places a cluster in its management cluster, named with its namespace', () => {
    expect(
      clusterEntityRef({
        management: 'mgmt-eu',
        namespace: 'tenant-edge',
        name: 'tooling-1',
      }),
    ).toEqual({
      kind: 'Resource',
      namespace: 'mgmt-eu',
      name: 'tooling-1.tenant-edge',
    });
    expect(
      clusterEntityRefString({
        management: 'mgmt-eu',
        namespace: 'kcm-system',
        name: 'tooling-1',
      }),
    ).toBe('resource:mgmt-eu/tooling-1.kcm-system');
  });

  it('never gives two clusters one entity, across management clusters and namespaces', () => {
    const refs = ['mgmt-eu', 'mgmt-us', 'MGMT_EU'].flatMap(management =>
      ['kcm-system', 'tenant-a'].flatMap(namespace =>
        [
          'tooling-1',
          'tooling-1.tenant-a',
          'x'.repeat(60),
          `${'x'.repeat(60)}y`,
        ].map(name => ({ management, namespace, name })),
      ),
    );
    const keys = refs.map(ref => {
      const entity = clusterEntityRef(ref);
      expect(entity.name).toMatch(VALID_NAME);
      expect(entity.name.length).toBeLessThanOrEqual(63);
      expect(entity.namespace).toMatch(VALID_NAMESPACE);
      return `${entity.namespace}/${entity.name}`;
    });
    expect(new Set(keys).size).toBe(refs.length);
  });

  it('cuts long names to 63 characters with a hash of the whole', () => {
    const long = clusterEntityRef({
      management: 'mgmt',
      namespace: 'tenant-a',
      name: 'a'.repeat(70),
    });
    expect(long.name).toHaveLength(63);
    expect(long.name).toMatch(/^a{54}-[0-9a-f]{8}$/);
    expect(
      clusterEntityRef({
        management: 'mgmt',
        namespace: 'tenant-a',
        name: `${'a'.repeat(70)}b`,
      }).name,
    ).not.toBe(long.name);
  });

  it('turns any management cluster id into a catalog namespace', () => {
    expect(managementEntityNamespace('mgmt-eu-1')).toBe('mgmt-eu-1');
    expect(managementEntityNamespace('Mgmt_EU.1')).toMatch(
      /^mgmt-eu-1-[0-9a-f]{8}$/,
    );
    expect(managementEntityNamespace('___')).toMatch(
      /^management-[0-9a-f]{8}$/,
    );
    expect(managementEntityNamespace('m'.repeat(80))).toMatch(
      /^m{54}-[0-9a-f]{8}$/,
    );
  });
});
