import {
  REGION_BY_CLUSTER_DEPLOYMENT,
  REGION_BY_SECRET,
  startFleetSimulator,
  type FleetSimulator,
  type GeneratedCluster,
} from '@internal/fleet-simulator';
import { simulatorRefresher } from '../__testUtils__/simulatorRefresher';
import { createTestStore } from '../__testUtils__/testStore';
import type { FleetRefresher } from './FleetRefresher';
import type { DatabaseFleetStore } from './DatabaseFleetStore';
import { storedDetail } from '../__testUtils__/storedDetail';

jest.setTimeout(60_000);

const SECRET = { apiVersion: 'v1', kind: 'Secret' };
const REGION = { apiVersion: 'k0rdent.mirantis.com/v1beta1', kind: 'Region' };

describe('clusters k0rdent deploys through a Region (simulator, TLS, real client)', () => {
  let sim: FleetSimulator;
  let store: DatabaseFleetStore;
  let refresher: FleetRefresher;
  let inSecretRegion: GeneratedCluster;
  let inOnboardedRegion: GeneratedCluster;
  let host: GeneratedCluster;

  const detailOf = (cluster: GeneratedCluster) => storedDetail(store, cluster);

  beforeAll(async () => {
    sim = await startFleetSimulator({
      clusters: 10,
      nodesPerCluster: 3,
      regionalClusters: 2,
      tls: true,
    });
    const regional = sim.model.clusters.filter(c =>
      c.scenarios.includes('regional'),
    );
    inSecretRegion = regional.find(c => c.region === REGION_BY_SECRET)!;
    inOnboardedRegion = regional.find(
      c => c.region === REGION_BY_CLUSTER_DEPLOYMENT,
    )!;
    host = sim.model.clusters.find(c => c.scenarios.includes('region-host'))!;
    ({ store } = await createTestStore());
    refresher = simulatorRefresher(sim, store);
    await refresher.refreshAll();
  });
  afterAll(async () => {
    refresher.close();
    await sim.stop();
  });

  it('reads each regional cluster through its Region, by Secret and by onboarded ClusterDeployment', async () => {
    expect(inSecretRegion).toBeDefined();
    expect(inOnboardedRegion).toBeDefined();
    for (const cluster of [inSecretRegion, inOnboardedRegion]) {
      // The kubeconfig Secret is not in the management cluster at all.
      expect(
        sim.objects('mgmt').get({
          ...SECRET,
          namespace: cluster.namespace,
          name: `${cluster.name}-kubeconfig`,
        }),
      ).toBeUndefined();
      const detail = await detailOf(cluster);
      expect(detail.region).toBe(cluster.region);
      expect(detail.read.failures).toEqual([]);
      expect(detail.read.stale).toBe(false);
      expect(detail.nodeStatuses.map(n => n.name).sort()).toEqual(
        cluster.nodes.map(n => n.name).sort(),
      );
      expect(detail.k0s.running.length).toBeGreaterThan(0);
      expect(detail.apiServer).toContain(`/clusters/${cluster.name}`);
    }
    expect((await detailOf(host)).read.failures).toEqual([]);
  });

  it('reports a Region whose kubeconfig Secret is gone for its clusters only', async () => {
    const secret = sim.objects('mgmt').get({
      ...SECRET,
      namespace: 'kcm-system',
      name: `${REGION_BY_SECRET}-kubeconfig`,
    })!;
    sim.objects('mgmt').delete({
      ...SECRET,
      namespace: 'kcm-system',
      name: `${REGION_BY_SECRET}-kubeconfig`,
    });
    try {
      await refresher.refreshAll();
      const detail = await detailOf(inSecretRegion);
      expect(detail.read.failures).toEqual([
        expect.objectContaining({
          reason: 'kubeconfig-missing',
          during: `reaching Region ${REGION_BY_SECRET}`,
          message: `Region ${REGION_BY_SECRET}'s kubeconfig, Secret kcm-system/${REGION_BY_SECRET}-kubeconfig (key value), was not found`,
        }),
      ]);
      // Its last good nodes stay, marked stale.
      expect(detail.read.stale).toBe(true);
      expect(detail.nodeStatuses).toHaveLength(inSecretRegion.nodes.length);
      expect((await detailOf(inOnboardedRegion)).read.failures).toEqual([]);
    } finally {
      sim.objects('mgmt').upsert(secret);
    }
  });

  it('names the regional cluster when the child kubeconfig Secret is missing there', async () => {
    const ref = {
      ...SECRET,
      namespace: inOnboardedRegion.namespace,
      name: `${inOnboardedRegion.name}-kubeconfig`,
    };
    const store_ = sim.objects(host.name);
    const secret = store_.get(ref)!;
    expect(secret).toBeDefined();
    store_.delete(ref);
    try {
      await refresher.refreshAll();
      expect((await detailOf(inOnboardedRegion)).read.failures).toEqual([
        expect.objectContaining({
          reason: 'kubeconfig-missing',
          message: `Secret ${ref.namespace}/${ref.name} was not found in Region ${REGION_BY_CLUSTER_DEPLOYMENT}`,
        }),
      ]);
    } finally {
      store_.upsert(secret);
    }
  });

  it('reports a Region the management cluster does not hold', async () => {
    const region = sim.objects('mgmt').get({
      ...REGION,
      name: REGION_BY_CLUSTER_DEPLOYMENT,
    })!;
    expect(region).toBeDefined();
    sim
      .objects('mgmt')
      .delete({ ...REGION, name: REGION_BY_CLUSTER_DEPLOYMENT });
    try {
      await refresher.refreshAll();
      expect((await detailOf(inOnboardedRegion)).read.failures).toEqual([
        expect.objectContaining({
          reason: 'not-found',
          message: `the ClusterDeployment names Region ${REGION_BY_CLUSTER_DEPLOYMENT}, which management cluster mgmt does not hold`,
        }),
      ]);
      expect((await detailOf(inSecretRegion)).read.failures).toEqual([]);
    } finally {
      sim.objects('mgmt').upsert(region);
    }
    await refresher.refreshAll();
    expect((await detailOf(inOnboardedRegion)).read.failures).toEqual([]);
  });
});
