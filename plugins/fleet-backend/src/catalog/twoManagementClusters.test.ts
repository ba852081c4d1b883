import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
  type EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import request from 'supertest';
import { fleetPlugin } from '../plugin';
import { catalogModuleFleetEntities } from './catalogModule';
import type { FleetEntityProvider } from './FleetEntityProvider';

jest.setTimeout(90_000);

const CLUSTERS = 6;

function managementCluster(id: string, sim: FleetSimulator) {
  return {
    id,
    url: sim.management.url,
    caData: sim.management.caData,
    serviceAccountToken: sim.management.token,
  };
}

describe('two management clusters holding clusters of the same names', () => {
  // The same seed gives both the same cluster names in the same namespaces.
  let eu: FleetSimulator;
  let us: FleetSimulator;
  beforeAll(async () => {
    eu = await startFleetSimulator({ clusters: CLUSTERS, tls: true, seed: 4 });
    us = await startFleetSimulator({ clusters: CLUSTERS, tls: true, seed: 4 });
  });
  afterAll(async () => {
    await eu.stop();
    await us.stop();
  });

  it('give the catalog an entity for every cluster of each, none dropped, all valid', async () => {
    expect(us.model.clusters.map(c => `${c.namespace}/${c.name}`)).toEqual(
      eu.model.clusters.map(c => `${c.namespace}/${c.name}`),
    );
    const providers: EntityProvider[] = [];
    const { server } = await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          { addEntityProvider: (p: EntityProvider) => providers.push(p) },
        ],
      ],
      features: [
        fleetPlugin,
        catalogModuleFleetEntities,
        mockServices.rootConfig.factory({
          data: {
            fleet: {
              managementClusters: [
                managementCluster('mgmt-eu', eu),
                managementCluster('mgmt-us', us),
              ],
              dnsClusters: [
                {
                  id: 'dns',
                  url: eu.dns.url,
                  caData: eu.dns.caData,
                  serviceAccountToken: eu.dns.token,
                },
              ],
              refresh: {
                frequency: { minutes: 10 },
                clusterTimeout: { seconds: 5 },
              },
              catalog: {
                frequency: { minutes: 10 },
                defaultOwner: 'platform',
              },
            },
          },
        }),
      ],
    });

    for (let i = 0; ; i++) {
      const res = await request(server).get('/api/fleet/inventory');
      if (res.status === 200 && res.body.items.length === 2 * CLUSTERS) break;
      if (i > 200)
        throw new Error('the fleet never held both management clusters');
      await new Promise(r => setTimeout(r, 100));
    }

    let applied: Entity[] = [];
    const connection: EntityProviderConnection = {
      applyMutation: async mutation => {
        if (mutation.type === 'full')
          applied = mutation.entities.map(e => e.entity);
      },
      refresh: async () => {},
    };
    expect(providers).toHaveLength(1);
    await providers[0].connect(connection);
    await (providers[0] as FleetEntityProvider).refresh();

    const clusters = applied.filter(e => e.spec?.type === 'kubernetes-cluster');
    expect(clusters).toHaveLength(2 * CLUSTERS);
    const refs = applied.map(e => stringifyEntityRef(e));
    expect(new Set(refs).size).toBe(refs.length);
    for (const cluster of eu.model.clusters)
      for (const management of ['mgmt-eu', 'mgmt-us'])
        expect(refs).toContain(
          `resource:${management}/${cluster.name}.${cluster.namespace}`,
        );

    // What the catalog would refuse, it would drop: check as the catalog does.
    const policy = EntityPolicies.allOf([
      new NoForeignRootFieldsEntityPolicy(),
      new FieldFormatEntityPolicy(),
      new SchemaValidEntityPolicy(),
    ]);
    for (const entity of applied) {
      await expect(policy.enforce(entity)).resolves.toBeDefined();
      await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
    }
    // Each VM depends on the cluster of its own management cluster.
    const vm = applied.find(
      e =>
        e.spec?.type === 'virtual-machine' &&
        e.metadata.namespace === 'mgmt-us',
    )!;
    expect(vm.spec?.dependencyOf).toEqual([
      expect.stringMatching(/^resource:mgmt-us\//),
    ]);
    expect(clusters[0].spec?.owner).toMatch(/^group:default\//);
  });
});
