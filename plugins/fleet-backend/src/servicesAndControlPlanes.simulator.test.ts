import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import type {
  ClusterDetail,
  ClusterListResponse,
} from '@fleet-portal/plugin-fleet-common';
import request from 'supertest';
import { fleetPlugin } from './plugin';

jest.setTimeout(60_000);

const CONTROL_PLANE = {
  apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
  kind: 'K0smotronControlPlane',
};

/** What k0rdent deploys and which control plane gives the k0s build, read from the simulator over HTTP. */
describe('services and k0smotron control planes (simulator, TLS, through the API)', () => {
  let sim: FleetSimulator;
  let server: any;
  let list: ClusterListResponse;

  const detail = async (id: string): Promise<ClusterDetail> => {
    const res = await request(server).get(`/api/fleet/clusters/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    sim = await startFleetSimulator({ clusters: 6, tls: true });
    // k0smotron spells the build as its spec does: `-k0s.N` is the same build as `+k0s.N`.
    const k0smotron = sim.objects('mgmt').list(CONTROL_PLANE)[0];
    (k0smotron.status as any).version = 'v1.32.4-k0s.0';
    sim.objects('mgmt').upsert(k0smotron);
    ({ server } = await startTestBackend({
      features: [
        fleetPlugin,
        mockServices.rootConfig.factory({
          data: {
            fleet: {
              managementClusters: [
                {
                  id: 'mgmt',
                  url: sim.management.url,
                  caData: sim.management.caData,
                  serviceAccountToken: sim.management.token,
                },
              ],
              dnsClusters: [
                {
                  id: 'dns',
                  url: sim.dns.url,
                  caData: sim.dns.caData,
                  serviceAccountToken: sim.dns.token,
                },
              ],
              refresh: {
                frequency: { minutes: 10 },
                clusterTimeout: { seconds: 3 },
              },
            },
          },
        }),
      ],
    }));
    for (let i = 0; i < 100; i++) {
      const res = await request(server).get('/api/fleet/clusters');
      if (res.status === 200 && res.body.items.length === 6) {
        list = res.body;
        break;
      }
      await new Promise(r => setTimeout(r, 100));
    }
    if (list?.items.length !== 6)
      throw new Error('the fleet never reached 6 clusters');
  });
  afterAll(() => sim.stop());

  it('serves a Failed service with its failure message, counted on the list and as drift', async () => {
    const failedCd = sim
      .objects('mgmt')
      .list({
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        kind: 'ClusterDeployment',
      })
      .find(cd =>
        ((cd.status as any).services as any[]).some(s => s.state === 'Failed'),
      )!;
    const failed = ((failedCd.status as any).services as any[]).find(
      s => s.state === 'Failed',
    );
    const id = `mgmt/${failedCd.metadata.namespace}/${failedCd.metadata.name}`;

    const summary = list.items.find(c => c.id === id)!;
    expect(summary.serviceCounts?.byState.Failed).toBe(1);
    expect(summary).not.toHaveProperty('services');
    expect(summary.drift).toContainEqual({
      type: 'service-failed',
      name: failed.name,
      namespace: failed.namespace,
      template: failed.template,
      state: 'Failed',
      message: failed.failureMessage,
    });

    const d = await detail(id);
    const service = d.services!.find(s => s.name === failed.name)!;
    expect(service.state?.value).toBe('Failed');
    expect(service.failureMessage?.value).toBe(failed.failureMessage);
    expect(service.failureMessage?.value).toMatch(/metallb/);
    expect(service.failureMessage?.source).toMatchObject({
      readFrom: { scope: 'management', cluster: 'mgmt' },
      kind: 'ClusterDeployment',
      name: failedCd.metadata.name,
      field: expect.stringMatching(/^status\.services\[\d+\]\.failureMessage$/),
    });
    expect(d.services!.length).toBe(
      (failedCd.spec as any).serviceSpec.services.length,
    );
  });

  it('counts provisioning services so the fleet page can filter on them', () => {
    const provisioning = list.items.filter(
      c => (c.serviceCounts?.byState.Provisioning ?? 0) > 0,
    );
    expect(provisioning.length).toBeGreaterThan(0);
    for (const c of provisioning)
      expect(c.drift.map(f => f.type)).not.toContain('service-failed');
  });

  it('gives the exact k0s build of a k0smotron cluster from its K0smotronControlPlane', async () => {
    const k0smotron = sim.objects('mgmt').list(CONTROL_PLANE)[0];
    const cluster = k0smotron.metadata.labels!['cluster.x-k8s.io/cluster-name'];
    const d = await detail(`mgmt/${k0smotron.metadata.namespace}/${cluster}`);
    expect(d.k0s.exactBuild).toBe('v1.32.4+k0s.0');
    expect(d.k0sVersions.exactBuild?.source).toMatchObject({
      kind: 'K0smotronControlPlane',
      name: k0smotron.metadata.name,
      field: 'status.version',
    });
  });
});
