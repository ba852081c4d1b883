import { generateFleet } from '../generateFleet';
import type { FleetModel } from '../types';
import { REGION_BY_CLUSTER_DEPLOYMENT, REGION_BY_SECRET } from './constants';

const secretsOf = (objects: FleetModel['mgmt']) =>
  objects
    .filter(o => o.kind === 'Secret')
    .map(o => `${o.metadata.namespace}/${o.metadata.name}`);

describe('regional clusters', () => {
  const options = { clusters: 12, seed: 3 };
  const plain = generateFleet(options);
  const model = generateFleet({ ...options, regionalClusters: 2 });
  const regional = model.clusters.filter(c => c.scenarios.includes('regional'));
  const host = model.clusters.find(c => c.scenarios.includes('region-host'))!;

  it('name their Region in status.region, one of each kind', () => {
    expect(regional.map(c => c.region)).toEqual([
      REGION_BY_SECRET,
      REGION_BY_CLUSTER_DEPLOYMENT,
    ]);
    for (const cluster of regional) {
      const cd = model.mgmt.find(
        o => o.kind === 'ClusterDeployment' && o.metadata.name === cluster.name,
      )!;
      expect((cd.status as any).region).toBe(cluster.region);
    }
    expect(host.region).toBeUndefined();
  });

  it('keep their kubeconfig Secret in the regional cluster, not the management cluster', () => {
    const [bySecret, byHost] = regional;
    const moved = regional.map(c => `${c.namespace}/${c.name}-kubeconfig`);
    expect(secretsOf(model.mgmt)).toEqual(expect.not.arrayContaining(moved));
    expect(secretsOf(model.regions[REGION_BY_SECRET])).toEqual([moved[0]]);
    expect(secretsOf(model.children[host.name])).toEqual([moved[1]]);
    expect(
      model.regions[REGION_BY_SECRET].some(
        o => o.kind === 'Namespace' && o.metadata.name === bySecret.namespace,
      ),
    ).toBe(true);
    expect(
      model.children[host.name].some(
        o => o.kind === 'Namespace' && o.metadata.name === byHost.namespace,
      ),
    ).toBe(true);
  });

  it('reach each Region as k0rdent does: a kubeconfig Secret in kcm-system, or an onboarded ClusterDeployment', () => {
    const regions = model.mgmt.filter(o => o.kind === 'Region');
    expect(
      regions.map(r => [r.metadata.name, r.metadata.namespace, r.spec]),
    ).toEqual([
      [
        REGION_BY_SECRET,
        undefined,
        {
          kubeConfig: { name: `${REGION_BY_SECRET}-kubeconfig`, key: 'value' },
        },
      ],
      [
        REGION_BY_CLUSTER_DEPLOYMENT,
        undefined,
        { clusterDeployment: { name: host.name, namespace: host.namespace } },
      ],
    ]);
    const secret = model.mgmt.find(
      o =>
        o.kind === 'Secret' &&
        o.metadata.name === `${REGION_BY_SECRET}-kubeconfig`,
    )!;
    expect(secret.metadata.namespace).toBe('kcm-system');
    expect(
      Buffer.from((secret as any).data.value, 'base64').toString(),
    ).toContain(`/regions/${REGION_BY_SECRET}`);
  });

  it('leave the other clusters as they were', () => {
    const names = new Set([...regional, host].map(c => c.name));
    expect(
      model.clusters.filter(c => !names.has(c.name)).map(c => c.scenarios),
    ).toEqual(
      plain.clusters.filter(c => !names.has(c.name)).map(c => c.scenarios),
    );
    expect(plain.regions).toEqual({});
  });
});
