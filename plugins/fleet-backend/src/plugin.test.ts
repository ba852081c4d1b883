import {
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import type {
  ClusterDetail,
  ClusterInventoryResponse,
  ClusterListResponse,
} from '@fleet-portal/plugin-fleet-common';
import request from 'supertest';
import { recordingLogger } from './__testUtils__/recordingLogger';
import { simulatorSecrets } from './__testUtils__/simulatorSecrets';
import { fleetPlugin } from './plugin';

jest.setTimeout(60_000);

function fleetConfig(sim: FleetSimulator) {
  return {
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
      refresh: { frequency: { minutes: 10 }, clusterTimeout: { seconds: 3 } },
    },
  };
}

async function waitForClusters(
  server: any,
  count: number,
): Promise<ClusterListResponse> {
  for (let i = 0; i < 100; i++) {
    const res = await request(server).get('/api/fleet/clusters');
    if (res.status === 200 && res.body.items.length === count) return res.body;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`the fleet never reached ${count} clusters`);
}

describe('fleet plugin', () => {
  let sim: FleetSimulator;
  beforeAll(async () => {
    sim = await startFleetSimulator({ clusters: 6, tls: true });
  });
  afterAll(() => sim.stop());

  it('serves the fleet read in the background, with details per cluster and Backstage errors', async () => {
    const logger = recordingLogger();
    const { server } = await startTestBackend({
      features: [
        fleetPlugin,
        mockServices.rootConfig.factory({ data: fleetConfig(sim) }),
        createServiceFactory({
          service: coreServices.logger,
          deps: {},
          factory: () => logger,
        }),
      ],
    });

    const list = await waitForClusters(server, 6);
    // By default the fleet is read in a worker thread, not the one serving requests.
    expect(logger.lines.join('\n')).toContain(
      'Fleet: reading the fleet in a worker thread',
    );
    expect(list.sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'mgmt',
          scope: 'management',
          demo: false,
        }),
        expect.objectContaining({ id: 'dns', scope: 'dns' }),
      ]),
    );
    const first = list.items[0];
    expect(first).not.toHaveProperty('nodeStatuses');

    const res = await request(server)
      .get(`/api/fleet/clusters/${first.id}`)
      .set('Accept-Encoding', 'identity');
    expect(res.status).toBe(200);
    const d = res.body as ClusterDetail;
    expect(d.nodeStatuses.length).toBeGreaterThan(0);
    expect(d.nodeStatuses[0].source).toMatchObject({
      kind: 'Node',
      readFrom: { scope: 'child', cluster: first.id },
    });

    const revalidated = await request(server)
      .get(`/api/fleet/clusters/${first.id}`)
      .set('Accept-Encoding', 'identity')
      .set('If-None-Match', res.headers.etag);
    expect(revalidated.status).toBe(304);

    // Browsers get the body compressed once per fleet version, under an ETag of its own.
    const compressed = await request(server)
      .get(`/api/fleet/clusters/${first.id}`)
      .set('Accept-Encoding', 'gzip, deflate, br');
    expect(compressed.status).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers.vary).toMatch(/Accept-Encoding/i);
    expect(compressed.body).toEqual(res.body);
    expect(compressed.headers.etag).not.toBe(res.headers.etag);
    const compressedRevalidated = await request(server)
      .get(`/api/fleet/clusters/${first.id}`)
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', `"other", ${compressed.headers.etag}`);
    expect(compressedRevalidated.status).toBe(304);
    const refused = await request(server)
      .get(`/api/fleet/clusters/${first.id}`)
      .set('Accept-Encoding', 'gzip;q=0, identity');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toEqual(res.body);

    const missing = await request(server).get(
      '/api/fleet/clusters/mgmt/team-a/no-such-cluster',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ name: 'NotFoundError' });

    const bad = await request(server).get('/api/fleet/clusters/mgmt/Team_A/x');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('namespace'),
    });

    const history = await request(server).get(
      `/api/fleet/clusters/${first.id}/history`,
    );
    expect(history.status).toBe(200);
    expect(
      history.body.items.filter((e: any) => e.kind === 'node-presence'),
    ).toHaveLength(d.nodeStatuses.length);
    const nodeName = d.nodeStatuses[0].name;
    const nodeHistory = await request(server).get(
      `/api/fleet/clusters/${first.id}/history?node=${nodeName}&kind=node-image`,
    );
    expect(nodeHistory.body.items).toEqual([
      expect.objectContaining({ subject: nodeName, kind: 'node-image' }),
    ]);
    const state = await request(server).get(
      `/api/fleet/clusters/${first.id}/state?at=${encodeURIComponent(
        new Date().toISOString(),
      )}`,
    );
    expect(state.status).toBe(200);
    expect(state.body.nodes.map((n: any) => n.name)).toEqual(
      d.nodeStatuses.map(n => n.name),
    );
    expect(
      (
        await request(server).get(
          `/api/fleet/clusters/${first.id}/history?kind=bogus`,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await request(server).get(
          `/api/fleet/clusters/${first.id}/state?at=yesterday`,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await request(server).get(
          `/api/fleet/clusters/${first.id}/state?at=2000-01-01T00:00:00Z`,
        )
      ).status,
    ).toBe(404);

    const inventory = (await request(server).get('/api/fleet/inventory'))
      .body as ClusterInventoryResponse;
    expect(inventory.items).toHaveLength(6);
    expect(inventory.items[0].apiServer).toMatch(
      /^https:\/\/127\.0\.0\.1:\d+\/clusters\//,
    );

    const everything =
      JSON.stringify([list, d, inventory]) + logger.lines.join('\n');
    for (const secret of simulatorSecrets(sim))
      expect(everything).not.toContain(secret);
  });

  it('answers 403 on every route when fleet.cluster.read is denied', async () => {
    const { server } = await startTestBackend({
      features: [
        fleetPlugin,
        mockServices.rootConfig.factory({ data: fleetConfig(sim) }),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    for (const path of [
      '/api/fleet/clusters',
      '/api/fleet/clusters/mgmt/team-a/x',
      '/api/fleet/inventory',
      '/api/fleet/clusters/mgmt/team-a/x/history',
      '/api/fleet/clusters/mgmt/team-a/x/state?at=2026-01-01T00:00:00Z',
    ]) {
      const res = await request(server).get(path);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('fleet.cluster.read'),
      });
    }

    // What a policy author (and the permission backend) learns about the fleet's permissions.
    const metadata = await request(server).get(
      '/api/fleet/.well-known/backstage/permissions/metadata',
    );
    expect(metadata.status).toBe(200);
    expect(metadata.body.permissions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'fleet.cluster.read',
          resourceType: 'fleet-cluster',
        }),
        expect.objectContaining({
          name: 'fleet.cluster.request',
          resourceType: 'fleet-cluster',
        }),
        expect.objectContaining({ name: 'fleet.gitops.merge' }),
      ]),
    );
    expect(
      metadata.body.rules.map((r: { name: string }) => r.name).sort(),
    ).toEqual(['HAS_LABEL', 'IN_MANAGEMENT_CLUSTER', 'IS_DEMO', 'IS_OWNED_BY']);
    expect(
      metadata.body.rules.find((r: any) => r.name === 'IS_OWNED_BY')
        .paramsSchema,
    ).toMatchObject({
      type: 'object',
      properties: { claims: { type: 'array', items: { type: 'string' } } },
      required: ['claims'],
    });
  });

  it('rejects a configuration that names no way to connect', async () => {
    await expect(
      startTestBackend({
        features: [
          fleetPlugin,
          mockServices.rootConfig.factory({
            data: { fleet: { managementClusters: [{ id: 'mgmt' }] } },
          }),
        ],
      }),
    ).rejects.toThrow(/exactly one of url, kubeconfigFile or inCluster/);
  });
});
