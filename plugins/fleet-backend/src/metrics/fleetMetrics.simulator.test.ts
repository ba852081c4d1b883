import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import type {
  ClusterListResponse,
  ClusterSummary,
} from '@fleet-portal/plugin-fleet-common';
import request from 'supertest';
import {
  installMeterProvider,
  type CollectedMetrics,
} from '../__testUtils__/collectMetrics';
import { simulatorSecrets } from '../__testUtils__/simulatorSecrets';
import { fleetPlugin } from '../plugin';

jest.setTimeout(90_000);

const UNREACHABLE_TOKEN = 'unreachable-management-token-0123456789';
const CLUSTER_ROUTE = '/clusters/:management/:namespace/:name';

function fleetConfig(sim: FleetSimulator, refresh: object) {
  const reach = (id: string, access: FleetSimulator['dns']) => ({
    id,
    url: access.url,
    caData: access.caData,
    serviceAccountToken: access.token,
  });
  return {
    fleet: {
      managementClusters: [
        reach('mgmt', sim.management),
        // Nothing listens on port 1: every refresh of it fails as unreachable.
        {
          id: 'gone',
          url: 'https://127.0.0.1:1',
          serviceAccountToken: UNREACHABLE_TOKEN,
        },
      ],
      dnsClusters: [reach('dns', sim.dns)],
      refresh: { clusterTimeout: { seconds: 3 }, ...refresh },
    },
  };
}

/** Lists the fleet until `done` holds, counting the list requests made. */
async function listUntil(
  server: any,
  done: (list: ClusterListResponse) => boolean,
  counter = { requests: 0 },
): Promise<ClusterListResponse> {
  let last: unknown;
  for (let i = 0; i < 300; i++) {
    const res = await request(server).get('/api/fleet/clusters');
    counter.requests += 1;
    last = res.body;
    if (res.status === 200 && done(res.body)) return res.body;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(
    `the fleet never reached the expected state: ${JSON.stringify(last)}`,
  );
}

const byName = (list: ClusterListResponse, name: string) =>
  list.items.find(c => c.ref.name === name)!;

/** What no attribute may hold: a cluster name (the path, not the route) or any credential. */
function expectBoundedAndSecretFree(m: CollectedMetrics, forbidden: string[]) {
  const values = m.points.flatMap(p => Object.values(p.attributes).map(String));
  for (const value of values) {
    for (const word of forbidden) expect(value).not.toContain(word);
  }
}

describe('fleet metrics through the Backstage metrics service', () => {
  let sim: FleetSimulator;
  let meters: ReturnType<typeof installMeterProvider>;
  beforeAll(async () => {
    sim = await startFleetSimulator({ clusters: 5, tls: true });
  });
  afterAll(() => sim.stop());
  beforeEach(() => {
    meters = installMeterProvider();
  });
  afterEach(async () => {
    for (const name of sim.clusterNames()) sim.setFault(name, undefined);
    await meters.stop();
  });

  it('polling: counts clusters by read state and reason as the API reports them, times refreshes and requests', async () => {
    const [forbidden, partial] = sim.clusterNames();
    sim.setFault(forbidden, 'forbidden');
    sim.setFault(partial, 'missing-fields');
    // Refreshes run only when the test triggers them.
    const scheduler = mockServices.scheduler();
    const backend = await startTestBackend({
      features: [
        fleetPlugin,
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler,
        }),
        mockServices.rootConfig.factory({
          data: fleetConfig(sim, {
            frequency: { minutes: 10 },
            workerThread: false,
          }),
        }),
      ],
    });
    const { server } = backend;
    await scheduler.triggerTask('fleet-refresh-mgmt');
    await scheduler.triggerTask('fleet-refresh-gone');
    const lists = { requests: 0 };
    const list = await listUntil(
      server,
      l =>
        l.items.length === 5 &&
        byName(l, forbidden).read.failures.length > 0 &&
        l.sources.some(s => s.id === 'gone' && s.failure),
      lists,
    );

    // What the API reports, which the gauges must agree with.
    expect(byName(list, forbidden).read).toMatchObject({
      stale: true,
      failures: [expect.objectContaining({ reason: 'forbidden' })],
    });
    expect(byName(list, partial).read).toMatchObject({
      stale: false,
      failures: [expect.objectContaining({ reason: 'incomplete-objects' })],
    });
    expect(list.sources.find(s => s.id === 'gone')!.failure!.reason).toBe(
      'unreachable',
    );
    const healthy = list.items.filter(
      (c: ClusterSummary) => c.read.failures.length === 0,
    );
    expect(healthy).toHaveLength(3);

    const clusterId = healthy[0].id;
    for (const path of [
      `/api/fleet/clusters/${clusterId}`,
      `/api/fleet/clusters/${clusterId}`,
      '/api/fleet/clusters/mgmt/team-a/no-such-cluster',
      '/api/fleet/clusters/mgmt/Team_A/x',
      '/api/fleet/no-such-route',
    ])
      await request(server).get(path);

    const m = await meters.collect();
    const clusters = (state: string) =>
      m.find('fleet.clusters', {
        'fleet.management': 'mgmt',
        'fleet.read.state': state,
      })?.value;
    expect({
      current: clusters('current'),
      partial: clusters('partial'),
      stale: clusters('stale'),
    }).toEqual({ current: healthy.length, partial: 1, stale: 1 });
    expect(m.of('fleet.clusters')[0].unit).toBe('{cluster}');
    expect(
      m.of('fleet.clusters.failing').map(p => [p.attributes, p.value]),
    ).toEqual(
      expect.arrayContaining([
        [{ 'fleet.management': 'mgmt', 'fleet.read.reason': 'forbidden' }, 1],
        [
          {
            'fleet.management': 'mgmt',
            'fleet.read.reason': 'incomplete-objects',
          },
          1,
        ],
      ]),
    );
    expect(m.of('fleet.clusters.failing')).toHaveLength(2);
    expect(m.of('fleet.watch.resources')).toEqual([]);

    const refreshes = (attributes: Record<string, string>) =>
      m.find('fleet.refresh.duration', attributes)?.count ?? 0;
    expect(
      refreshes({
        'fleet.management': 'mgmt',
        'fleet.refresh.outcome': 'success',
      }),
    ).toBe(1);
    expect(
      refreshes({
        'fleet.management': 'gone',
        'fleet.refresh.outcome': 'failure',
        'error.type': 'unreachable',
      }),
    ).toBe(1);
    expect(m.of('fleet.refresh.duration')).toHaveLength(2);
    expect(m.of('fleet.refresh.duration')[0].unit).toBe('s');

    const requests = (route: string | undefined, status: number) =>
      m.find('fleet.api.request.duration', {
        'http.request.method': 'GET',
        ...(route ? { 'http.route': route } : {}),
        'http.response.status_code': status,
      })?.count;
    expect({
      list: requests('/clusters', 200),
      detail: requests(CLUSTER_ROUTE, 200),
      missing: requests(CLUSTER_ROUTE, 404),
      invalid: requests(CLUSTER_ROUTE, 400),
      unrouted: requests(undefined, 404),
    }).toEqual({
      list: lists.requests,
      detail: 2,
      missing: 1,
      invalid: 1,
      unrouted: 1,
    });
    expectBoundedAndSecretFree(m, [
      ...sim.clusterNames(),
      'no-such',
      'Team_A',
      UNREACHABLE_TOKEN,
      ...simulatorSecrets(sim),
    ]);

    // Once the cluster is read again, its reason is gone from the gauge: 0, not its last count.
    sim.setFault(forbidden, undefined);
    await scheduler.triggerTask('fleet-refresh-mgmt');
    await listUntil(
      server,
      l => byName(l, forbidden).read.failures.length === 0,
    );
    const recovered = await meters.collect();
    expect(
      recovered.find('fleet.refresh.duration', {
        'fleet.management': 'mgmt',
        'fleet.refresh.outcome': 'success',
      })?.count,
    ).toBe(2);
    expect(
      recovered.find('fleet.clusters.failing', {
        'fleet.management': 'mgmt',
        'fleet.read.reason': 'forbidden',
      })?.value,
    ).toBe(0);
    expect(
      recovered.find('fleet.clusters', {
        'fleet.management': 'mgmt',
        'fleet.read.state': 'stale',
      })?.value,
    ).toBe(0);

    await backend.stop();
  });

  it('watching: counts the watched resources by phase and reason as the API reports them', async () => {
    const [refused] = sim.clusterNames();
    sim.setFault(refused, 'watch-refused');
    const backend = await startTestBackend({
      features: [
        fleetPlugin,
        mockServices.rootConfig.factory({
          data: fleetConfig(sim, {
            mode: 'watch',
            frequency: { minutes: 10 },
            watch: { debounce: { milliseconds: 20 } },
          }),
        }),
      ],
    });
    const watches = (l: ClusterListResponse) =>
      l.items.flatMap(c => c.read.watch ?? []);
    const list = await listUntil(
      backend.server,
      l =>
        l.items.length === 5 &&
        watches(l).length === 10 &&
        watches(l).every(
          w =>
            w.phase ===
            (w.resource.endsWith(`/${refused}`) ? 'polling' : 'watching'),
        ),
    );

    const reported = watches(list);
    const polling = reported.filter(
      w => w.phase === 'polling' && w.reason === 'watch-refused',
    );
    expect(polling.length).toBeGreaterThanOrEqual(1);
    expect(polling.every(w => w.resource.endsWith(`/${refused}`))).toBe(true);

    const m = await meters.collect();
    const points = m.of('fleet.watch.resources');
    expect(points.reduce((n, p) => n + p.value!, 0)).toBe(reported.length);
    for (const kind of ['nodes', 'NodeOpUpgrades']) {
      expect(
        m.find('fleet.watch.resources', {
          'fleet.management': 'mgmt',
          'fleet.watch.resource': kind,
          'fleet.watch.phase': 'watching',
        })?.value,
      ).toBe(
        reported.filter(
          w => w.phase === 'watching' && w.resource.startsWith(`${kind} of`),
        ).length,
      );
    }
    expect(
      points
        .filter(p => p.attributes['fleet.watch.reason'] === 'watch-refused')
        .reduce((n, p) => n + p.value!, 0),
    ).toBe(polling.length);
    // No refresh runs when the fleet is watched.
    expect(m.of('fleet.refresh.duration')).toEqual([]);
    expectBoundedAndSecretFree(m, [
      ...sim.clusterNames(),
      ...simulatorSecrets(sim),
    ]);

    await backend.stop();
  });
});
