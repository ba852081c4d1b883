import { startFleetSimulator } from '@internal/fleet-simulator';
import type {
  ClusterDetail,
  SourceStatus,
} from '@fleet-portal/plugin-fleet-common';
import {
  childRead,
  clusterDeployment,
  IMAGE_A,
  IMAGE_B,
  mgmtRead,
  node,
  vm,
  vmImage,
} from '../__testUtils__/objects';
import { recordingLogger } from '../__testUtils__/recordingLogger';
import { simulatorRefresher } from '../__testUtils__/simulatorRefresher';
import { createTestStore } from '../__testUtils__/testStore';
import { deriveCluster } from '../derive/deriveCluster';
import {
  createFleetChangePublisher,
  FLEET_CHANGES_CHANNEL,
} from './publishFleetChanges';

jest.setTimeout(60_000);

const source = (at: string): SourceStatus => ({
  id: 'mgmt',
  scope: 'management',
  demo: false,
  lastSuccessAt: at,
});

/** Cluster `name` read at `at`, its one node `n1` booted from VMImage `image`. */
function observe(name: string, at: string, image: string): ClusterDetail {
  return deriveCluster({
    management: { id: 'mgmt', demo: false },
    managementRead: { ...mgmtRead, readAt: at },
    clusterDeployment: clusterDeployment(name, {
      k0s: 'v1.31.2+k0s.0',
      ready: 'True',
      image: 'img-a',
    }),
    controlPlanes: [],
    virtualMachines: [vm('n1', image)],
    vmImages: new Map([
      ['img-a', vmImage('img-a', IMAGE_A)],
      ['img-b', vmImage('img-b', IMAGE_B)],
    ]),
    child: {
      read: { ...childRead, readAt: at },
      nodes: [node('n1')],
      nodeOpUpgrades: [],
      apiServer: { server: `https://${name}` },
    },
    readState: {
      stale: false,
      failures: [],
      lastAttemptAt: at,
      lastSuccessAt: at,
    },
  });
}

const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-01T10:01:00.000Z';
const T3 = '2026-11-01T10:02:00.000Z';
const T4 = '2026-11-01T10:03:00.000Z';

describe('the clusters a save changed', () => {
  it('are those whose stored detail changed: added, edited or removed, read times aside', async () => {
    const { store } = await createTestStore();
    const save = (at: string, details: ClusterDetail[]) =>
      store.saveManagementSnapshot('mgmt', details, source(at));
    const [c1, c2] = [observe('c1', T1, 'img-a'), observe('c2', T1, 'img-a')];

    expect(await save(T1, [c1, c2])).toEqual([c1.id, c2.id]);
    // Read again a minute later: every read time moved, nothing else did.
    expect(
      await save(T2, [observe('c1', T2, 'img-a'), observe('c2', T2, 'img-a')]),
    ).toEqual([]);
    // c2's node boots another image.
    expect(
      await save(T3, [observe('c1', T3, 'img-a'), observe('c2', T3, 'img-b')]),
    ).toEqual([c2.id]);
    // c1 leaves the fleet.
    expect(await save(T4, [observe('c2', T4, 'img-b')])).toEqual([c1.id]);
  });

  it('of the simulated fleet: none while it is idle, exactly the one whose node changed image', async () => {
    const sim = await startFleetSimulator({ clusters: 6, tls: true });
    const { store } = await createTestStore();
    const changes: string[][] = [];
    const refresher = simulatorRefresher(sim, store, {
      onChange: ids => changes.push(ids),
    });
    try {
      await refresher.refreshAll();
      expect(changes).toHaveLength(1);
      expect(changes[0]).toHaveLength(sim.model.clusters.length);

      await new Promise(resolve => setTimeout(resolve, 20));
      await refresher.refreshAll();
      expect(changes).toHaveLength(1);

      const cluster = sim.model.clusters.find(c => c.nodes.length > 0)!;
      sim.setNodeImage(
        cluster.name,
        cluster.nodes[0].name,
        `registry.example.com/kairos/rhel9-k0s:v9.9.9@sha256:${'c'.repeat(64)}`,
      );
      await refresher.refreshAll();
      expect(changes).toEqual([
        changes[0],
        [`mgmt/${cluster.namespace}/${cluster.name}`],
      ]);
    } finally {
      refresher.close();
      await sim.stop();
    }
  });
});

describe('createFleetChangePublisher', () => {
  it('broadcasts when and only when clusters changed, naming none of them', async () => {
    const publish = jest.fn().mockResolvedValue(undefined);
    const announce = createFleetChangePublisher({
      signals: { publish },
      logger: recordingLogger(),
      now: () => new Date(T1),
    });
    announce([]);
    expect(publish).not.toHaveBeenCalled();

    announce(['mgmt/team-risk/prod-eu1', 'mgmt/team-risk/prod-eu2']);
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenCalledWith({
      recipients: { type: 'broadcast' },
      channel: FLEET_CHANGES_CHANNEL,
      message: { changedAt: T1 },
    });
    expect(JSON.stringify(publish.mock.calls)).not.toContain('prod-eu');
  });

  it('logs a failed publish and does not throw', async () => {
    const logger = recordingLogger();
    const announce = createFleetChangePublisher({
      signals: { publish: () => Promise.reject(new Error('no events bus')) },
      logger,
    });
    expect(() => announce(['mgmt/ns/c1'])).not.toThrow();
    await new Promise(resolve => setImmediate(resolve));
    expect(logger.lines.join('\n')).toContain('no events bus');
  });
});
