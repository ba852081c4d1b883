import {
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import request from 'supertest';
import { recordingLogger } from '../__testUtils__/recordingLogger';
import { fleetPlugin } from '../plugin';

jest.setTimeout(60_000);

const BASE = '/api/fleet/management';

describe('the form routes, read live from the simulated management cluster', () => {
  let sim: FleetSimulator;
  let server: any;
  beforeAll(async () => {
    sim = await startFleetSimulator({ clusters: 3, tls: true });
    const started = await startTestBackend({
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
                {
                  id: 'gone',
                  url: 'https://127.0.0.1:1',
                  serviceAccountToken: 'not-a-real-token',
                },
              ],
              refresh: {
                frequency: { minutes: 10 },
                clusterTimeout: { seconds: 3 },
                workerThread: false,
              },
            },
          },
        }),
        createServiceFactory({
          service: coreServices.logger,
          deps: {},
          factory: () => recordingLogger(),
        }),
      ],
    });
    server = started.server;
  });
  afterAll(() => sim.stop());

  it('lists ClusterTemplates with validity, chart version, upgrade paths and whether a schema exists', async () => {
    const res = await request(server).get(
      `${BASE}/mgmt/namespaces/team-trading/cluster-templates`,
    );
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.items.map((t: any) => [t.name, t]),
    );
    expect(byName['vsphere-standalone-cp-1-0-42']).toEqual({
      name: 'vsphere-standalone-cp-1-0-42',
      description: 'A KCM cluster vsphere-standalone-cp template',
      chartVersion: '1.0.42',
      k8sVersion: 'v1.31.2',
      valid: true,
      availableUpgrades: ['vsphere-standalone-cp-1-0-43'],
      hasSchema: true,
    });
    expect(byName['vsphere-standalone-cp-1-0-99']).toMatchObject({
      valid: false,
      hasSchema: false,
      validationError: expect.stringMatching(/1\.0\.99 not found/),
    });
  });

  it('serves the live values schema from the template ConfigMap, and says when there is none', async () => {
    const res = await request(server).get(
      `${BASE}/mgmt/namespaces/team-trading/cluster-templates/vsphere-standalone-cp-1-0-42/schema`,
    );
    expect(res.status).toBe(200);
    expect(res.body.source).toBe(
      'team-trading/schema-ct-vsphere-standalone-cp-1-0-42',
    );
    expect(res.body.schema.required).toEqual([
      'controlPlaneNumber',
      'workersNumber',
    ]);

    const none = await request(server).get(
      `${BASE}/mgmt/namespaces/team-trading/cluster-templates/vsphere-standalone-cp-1-0-99/schema`,
    );
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/schemaConfigMapName is not set/);

    const missing = await request(server).get(
      `${BASE}/mgmt/namespaces/team-trading/cluster-templates/no-such-template/schema`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/does not exist/);
  });

  it('lists the namespaces that hold ClusterTemplates, with how many k0rdent accepted', async () => {
    const res = await request(server).get(`${BASE}/mgmt/namespaces`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      management: 'mgmt',
      items: ['team-platform', 'team-risk', 'team-trading'].map(name => ({
        name,
        clusterTemplates: 4,
        validClusterTemplates: 3,
      })),
    });
  });

  it('lists Credentials with readiness and why not, and never their secrets', async () => {
    const res = await request(server).get(
      `${BASE}/mgmt/namespaces/team-risk/credentials`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        name: 'vsphere-cluster-identity-cred',
        description: 'vSphere credentials',
        ready: true,
      },
      {
        name: 'vsphere-legacy-identity-cred',
        description: 'vSphere credentials of the retired vCenter',
        ready: false,
        notReadyReason:
          'VSphereClusterIdentity vsphere-legacy-identity not found',
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(sim.management.token);
  });

  it('answers what was just added to the management cluster, without waiting for a refresh', async () => {
    sim.objects('mgmt').upsert({
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterTemplate',
      metadata: { name: 'aws-standalone-cp-1-0-16', namespace: 'team-risk' },
      spec: {
        helm: {
          chartRef: {
            kind: 'HelmChart',
            name: 'aws-standalone-cp-1-0-16',
            namespace: 'kcm-system',
          },
        },
      },
      status: {
        valid: true,
        description: 'A KCM cluster aws-standalone-cp template',
        chartVersion: '1.0.16',
      },
    });
    const res = await request(server).get(
      `${BASE}/mgmt/namespaces/team-risk/cluster-templates`,
    );
    expect(res.status).toBe(200);
    expect(
      res.body.items.find((t: any) => t.name === 'aws-standalone-cp-1-0-16'),
    ).toEqual({
      name: 'aws-standalone-cp-1-0-16',
      description: 'A KCM cluster aws-standalone-cp template',
      chartVersion: '1.0.16',
      valid: true,
      availableUpgrades: [],
      hasSchema: false,
    });
  });

  it('answers 503 saying what to do when the management cluster cannot be read, 404 for one not configured, 400 for bad names', async () => {
    const gone = await request(server).get(
      `${BASE}/gone/namespaces/team-risk/credentials`,
    );
    expect(gone.status).toBe(503);
    expect(gone.body.error.message).toMatch(
      /management cluster gone could not be read while listing Credentials: .*Check that it is reachable/,
    );
    expect(JSON.stringify(gone.body)).not.toContain('not-a-real-token');

    const list = await request(server).get(BASE);
    expect(list.body).toEqual({ items: [{ id: 'mgmt' }, { id: 'gone' }] });

    const unknown = await request(server).get(
      `${BASE}/elsewhere/namespaces/team-risk/credentials`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/known: mgmt, gone/);

    const bad = await request(server).get(
      `${BASE}/mgmt/namespaces/Team_Risk/credentials`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^namespace: /);
  });
});
