import type {
  ClusterDetail,
  FigureSource,
} from '@fleet-portal/plugin-fleet-common';
import { request as httpRequest, Agent } from 'node:http';
import { startBackstageHttpStack } from './backstageHttpStack';
import { round, summarizeLatencies, type LatencySummary } from './stats';
import { allowAllRouter, memoryFleetStore } from './benchStore';

export interface FleetListResult {
  clusters: number;
  pageSize: number;
  requests: number;
  /** `GET /clusters`: every cluster, as before paging (its cached gzip body). */
  unpaged: LatencySummary & { gzipKb: number };
  /** `GET /clusters?sort=name&limit=25&offset=…`, walking every page (each body new once). */
  paged: LatencySummary & { gzipKb: number };
  /** unpaged p50 / paged p50: how many times faster the fleet page's request is. */
  ratio: number;
}

const READ_AT = '2026-12-01T10:00:00.000Z';
const DIGEST = `sha256:${'4f'.repeat(32)}`;

/** A cluster summary as the reader stores it at 10 nodes and 4 records: sources included. */
function syntheticCluster(i: number): ClusterDetail {
  const name = `site-${String(i).padStart(4, '0')}`;
  const namespace = `team-${i % 20}`;
  const source: FigureSource = {
    readFrom: { scope: 'management', cluster: 'bench' },
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ClusterDeployment',
    namespace,
    name,
    field: 'status.conditions[type=Ready]',
    readAt: READ_AT,
  };
  const nodes = Array.from({ length: 10 }, (_, n) => `${name}-node-${n}`);
  return {
    id: `bench/${namespace}/${name}`,
    ref: { management: 'bench', namespace, name },
    demo: false,
    template: 'kairos-k0s-1-31',
    owner: `group:default/${namespace}`,
    labels: { 'fleetportal.io/region': `region-${i % 5}` },
    apiServer: `https://${name}.example.com:6443`,
    health: { state: i % 50 === 0 ? 'not-ready' : 'ready', source },
    k0s: {
      desired: 'v1.31.2+k0s.0',
      exactBuild: 'v1.31.2+k0s.0',
      running: ['v1.31.2+k0s'],
      availableUpgrades: ['v1.32.1+k0s.0'],
    },
    desiredImage: `registry.example/kairos@${DIGEST}`,
    images: [
      { reference: `registry.example/kairos@${DIGEST}`, digest: DIGEST, nodes },
    ],
    nodes: { total: 10, ready: 10, unknownImage: 0 },
    dns: { total: 4, synced: i % 7 === 0 ? 3 : 4 },
    drift:
      i % 7 === 0
        ? [
            {
              type: 'dns-unsynced',
              kind: 'ARecord',
              namespace,
              name: `${name}-api`,
              fqdn: `${name}.example.com`,
            } as ClusterDetail['drift'][number],
          ]
        : [],
    read: {
      lastSuccessAt: READ_AT,
      lastAttemptAt: READ_AT,
      stale: false,
      failures: [],
    },
    k0sVersions: {} as ClusterDetail['k0sVersions'],
    nodeStatuses: [],
    dnsRecords: [],
    virtualMachines: [],
    zones: [],
  };
}

function get(
  agent: Agent,
  baseUrl: string,
  path: string,
): Promise<{ ms: number; bytes: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${baseUrl}${path}`,
      { agent, headers: { 'accept-encoding': 'gzip' } },
      res => {
        let bytes = 0;
        res.on('data', chunk => {
          bytes += chunk.length;
        });
        res.on('end', () => {
          if (res.statusCode !== 200)
            reject(new Error(`${path}: HTTP ${res.statusCode}`));
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          resolve({ ms, bytes });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * The fleet page's request against the whole list, at `clusters` clusters in the store, one
 * client on a keep-alive connection, asking for gzip, behind Backstage's HTTP stack.
 */
export async function benchFleetList(options: {
  clusters: number;
  requests: number;
  pageSize?: number;
}): Promise<FleetListResult> {
  const pageSize = options.pageSize ?? 25;
  const { db, store } = await memoryFleetStore();
  await store.saveManagementSnapshot(
    'bench',
    Array.from({ length: options.clusters }, (_, i) => syntheticCluster(i)),
    { id: 'bench', scope: 'management', demo: false, lastSuccessAt: READ_AT },
  );
  const router = await allowAllRouter(store);
  const http = await startBackstageHttpStack(router);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const pages = Math.ceil(options.clusters / pageSize);
    const run = async (path: (i: number) => string) => {
      await get(agent, http.baseUrl, path(0)); // warm the connection and the JIT
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < options.requests; i++) {
        const answer = await get(agent, http.baseUrl, path(i + 1));
        samples.push(answer.ms);
        bytes = answer.bytes;
      }
      const summary = summarizeLatencies(samples);
      return {
        ...summary,
        p50: round(summary.p50, 2),
        p95: round(summary.p95, 2),
        p99: round(summary.p99, 2),
        max: round(summary.max, 2),
        gzipKb: round(bytes / 1024),
      };
    };
    const paged = await run(
      i =>
        `/api/fleet/clusters?sort=name&limit=${pageSize}&offset=${
          (i % pages) * pageSize
        }`,
    );
    const unpaged = await run(() => '/api/fleet/clusters');
    return {
      clusters: options.clusters,
      pageSize,
      requests: options.requests,
      unpaged,
      paged,
      ratio: round(unpaged.p50 / paged.p50),
    };
  } finally {
    agent.destroy();
    await http.stop();
    await db.destroy();
  }
}
