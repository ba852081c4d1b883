import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { FleetSimulator } from '@internal/fleet-simulator';
import fleetPlugin from '@fleet-portal/plugin-fleet-backend';
import type {
  ClusterListResponse,
  HistoryResponse,
} from '@fleet-portal/plugin-fleet-common';
import request from 'supertest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFleetDemoModule } from './demoFleet';

jest.setTimeout(60_000);

async function poll<T>(
  read: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the demo fleet', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'fleet-demo-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves the simulated fleet when no management cluster is configured, and its timeline shows a node image change after one refresh', async () => {
    let simulator: FleetSimulator | undefined;
    const { server } = await startTestBackend({
      features: [
        fleetPlugin,
        createFleetDemoModule({ onStarted: s => (simulator = s) }),
        mockServices.rootConfig.factory({
          data: {
            fleet: {
              demo: { clusters: 4 },
              gitops: { localRepository: join(root, 'gitops-repo') },
              refresh: {
                frequency: { seconds: 1 },
                clusterTimeout: { seconds: 5 },
              },
            },
          },
        }),
        // The real scheduler, so the refresh repeats at its frequency.
        schedulerServiceFactory,
      ],
    });
    const list = await poll(async () => {
      const body = (await request(server).get('/api/fleet/clusters'))
        .body as ClusterListResponse;
      return body.items?.length === 4 ? body : undefined;
    }, 'the demo fleet');
    expect(list.items.every(c => c.demo)).toBe(true);
    expect(list.sources.map(s => [s.id, s.demo])).toEqual(
      expect.arrayContaining([
        ['demo', true],
        ['demo-dns', true],
      ]),
    );

    const cluster = list.items[0];
    const node = `${cluster.ref.name}-worker-0`;
    const newImage = `registry.example.com/kairos/demo@sha256:${'d'.repeat(
      64,
    )}`;
    simulator!.setNodeImage(cluster.ref.name, node, newImage);

    const change = await poll(async () => {
      const history = (
        await request(server).get(
          `/api/fleet/clusters/${cluster.id}/history?node=${node}&kind=node-image`,
        )
      ).body as HistoryResponse;
      return history.items?.find(e => e.value === newImage);
    }, 'the image change in the timeline');
    expect(change).toMatchObject({
      subject: node,
      kind: 'node-image',
      value: newImage,
      previous: expect.stringContaining('@sha256:'),
    });
  });
});
