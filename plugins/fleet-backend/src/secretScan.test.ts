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
  ClusterInventoryResponse,
  ClusterListResponse,
} from '@fleet-portal/plugin-fleet-common';
import { stringify } from 'yaml';
import request from 'supertest';
import { recordingLogger } from './__testUtils__/recordingLogger';
import { simulatorSecrets } from './__testUtils__/simulatorSecrets';
import { fleetEntities } from './catalog/clusterEntities';
import { fleetPlugin } from './plugin';

jest.setTimeout(60_000);

const MARKERS = {
  token: 'MARKER-TOKEN-7f3a9c1e5b',
  cert: '-----BEGIN CERTIFICATE-----\nMARKER-CLIENT-CERT-2d8e4f\n-----END CERTIFICATE-----\n',
  key: '-----BEGIN EC PRIVATE KEY-----\nMARKER-CLIENT-KEY-9b1c6a\n-----END EC PRIVATE KEY-----\n',
  execArg: 'MARKER-EXEC-ARG-51d0e7',
};
const b64 = (s: string) => Buffer.from(s).toString('base64');

function kubeconfig(
  server: string,
  caData: string | undefined,
  user: Record<string, unknown>,
) {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'c', cluster: { server, 'certificate-authority-data': caData } },
    ],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'x',
  });
}

/**
 * A refresh over clusters whose kubeconfigs hold known marker tokens, client certificates and
 * keys, and exec arguments: none of those bytes (nor their base64) may appear in any API
 * response, log line or catalog entity.
 */
describe('secret scan', () => {
  let sim: FleetSimulator;
  beforeAll(async () => {
    sim = await startFleetSimulator({ clusters: 6, tls: true });
  });
  afterAll(() => sim.stop());

  it('keeps every credential out of responses, logs and entities', async () => {
    const [tokenCluster, certCluster, execCluster] = sim.model.clusters;
    const users: Record<string, Record<string, unknown>> = {
      [tokenCluster.name]: { token: MARKERS.token },
      [certCluster.name]: {
        'client-certificate-data': b64(MARKERS.cert),
        'client-key-data': b64(MARKERS.key),
      },
      [execCluster.name]: {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: 'sh',
          args: ['-c', MARKERS.execArg],
        },
      },
    };
    for (const cluster of [tokenCluster, certCluster, execCluster]) {
      sim.objects('mgmt').upsert({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: `${cluster.name}-kubeconfig`,
          namespace: cluster.namespace,
        },
        type: 'Opaque',
        data: {
          value: b64(
            kubeconfig(
              `${sim.url}/clusters/${cluster.name}`,
              sim.management.caData,
              users[cluster.name],
            ),
          ),
        },
      });
    }

    const logger = recordingLogger();
    const { server } = await startTestBackend({
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
        createServiceFactory({
          service: coreServices.logger,
          deps: {},
          factory: () => logger,
        }),
      ],
    });

    let list: ClusterListResponse = { items: [], sources: [] };
    for (let i = 0; i < 100 && list.items.length < 6; i++) {
      list = (await request(server).get('/api/fleet/clusters')).body;
      if (list.items.length < 6) await new Promise(r => setTimeout(r, 100));
    }
    expect(list.items).toHaveLength(6);
    const reasons = Object.fromEntries(
      list.items.map(c => [c.ref.name, c.read.failures.map(f => f.reason)]),
    );
    expect(reasons[tokenCluster.name]).toEqual(['unauthorized']);
    expect(reasons[execCluster.name]).toEqual(['kubeconfig-rejected']);
    expect(reasons[certCluster.name]).toHaveLength(1);

    const bodies: string[] = [JSON.stringify(list)];
    for (const cluster of list.items) {
      for (const path of [
        '',
        '/history',
        `/state?at=${encodeURIComponent(new Date().toISOString())}`,
      ]) {
        bodies.push(
          (
            await request(server).get(
              `/api/fleet/clusters/${cluster.id}${path}`,
            )
          ).text,
        );
      }
    }
    const inventory = (await request(server).get('/api/fleet/inventory'))
      .body as ClusterInventoryResponse;
    bodies.push(JSON.stringify(inventory));
    const entities = fleetEntities(inventory.items, {
      locationKey: 'fleet-portal',
      fallbackOwner: 'platform',
    });

    const haystack = [
      ...bodies,
      ...logger.lines,
      JSON.stringify(entities),
    ].join('\n');
    const needles = [
      ...Object.values(MARKERS),
      ...Object.values(MARKERS).map(b64),
      'MARKER-',
      ...simulatorSecrets(sim),
    ];
    for (const needle of needles) expect(haystack).not.toContain(needle);
  });
});
