import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import { createApiServerTarget } from '../connections/createApiServerTarget';
import type { ApiServerConnectionOptions } from '../connections/types';
import { FleetReader } from './FleetReader';
import { WorkerFleetReader } from './WorkerFleetReader';

jest.setTimeout(120_000);

function connections(sim: FleetSimulator) {
  const of = (
    id: string,
    access: FleetSimulator['dns'],
  ): ApiServerConnectionOptions => ({
    id,
    url: access.url,
    caData: access.caData,
    serviceAccountToken: access.token,
  });
  return {
    managementClusters: [of('mgmt', sim.management)],
    dnsClusters: [of('dns', sim.dns)],
  };
}

/** What a read found, without the read times (the two reads run at different moments). */
function comparable(details: ClusterDetail[]) {
  return JSON.parse(
    JSON.stringify(
      [...details].sort((a, b) => a.id.localeCompare(b.id)),
      (key, value) =>
        ['readAt', 'lastAttemptAt', 'lastSuccessAt', 'at'].includes(key)
          ? undefined
          : value,
    ),
  );
}

describe('WorkerFleetReader', () => {
  let sim: FleetSimulator;
  const readers: Array<{ close(): unknown }> = [];
  beforeAll(async () => {
    sim = await startFleetSimulator({ clusters: 45, tls: true });
  });
  afterEach(async () => {
    for (const reader of readers.splice(0)) await reader.close();
  });
  afterAll(() => sim.stop());

  const options = (sim_: FleetSimulator) => ({
    ...connections(sim_),
    clusterTimeoutMs: 5_000,
    concurrency: 8,
  });

  it('reads in a worker thread, at a lower priority, exactly what a reader in this thread reads', async () => {
    const worker = await WorkerFleetReader.start(options(sim));
    readers.push(worker);
    const local = new FleetReader({
      ...options(sim),
      managementClusters: connections(sim).managementClusters.map(c =>
        createApiServerTarget('management', c),
      ),
      dnsClusters: connections(sim).dnsClusters.map(c =>
        createApiServerTarget('dns', c),
      ),
    });
    readers.push(local);
    expect(worker.lowerPriority).toBe(process.platform === 'linux');

    const [fromWorker, fromHere] = await Promise.all([
      worker.readManagement('mgmt', []),
      local.readManagement('mgmt', []),
    ]);
    // 45 clusters arrive in five slices of at most 10, each acknowledged.
    expect(fromWorker.details).toHaveLength(45);
    expect(comparable(fromWorker.details)).toEqual(
      comparable(fromHere.details),
    );
    expect(fromWorker.source).toMatchObject({ id: 'mgmt', failure: undefined });
    expect(fromWorker.dnsSources).toEqual([
      expect.objectContaining({ id: 'dns', scope: 'dns' }),
    ]);
  });

  it('keeps the previous data it is given, marked stale, for a cluster that fails', async () => {
    const worker = await WorkerFleetReader.start(options(sim));
    readers.push(worker);
    const first = await worker.readManagement('mgmt', []);
    const victim = sim.clusterNames()[3];
    sim.setFault(victim, 'unauthorized');
    try {
      const second = await worker.readManagement(
        'mgmt',
        first.details.map(d => JSON.stringify(d)),
      );
      const stale = second.details.find(d => d.ref.name === victim)!;
      const before = first.details.find(d => d.ref.name === victim)!;
      expect(stale.read.stale).toBe(true);
      expect(stale.read.failures[0].reason).toBe('unauthorized');
      expect(stale.nodeStatuses).toEqual(before.nodeStatuses);
      expect(second.warnings.join('\n')).toContain(victim);
    } finally {
      sim.setFault(victim, undefined);
    }
  });

  it('fails the reads of a worker that died, and starts a new one for the next read', async () => {
    const worker = await WorkerFleetReader.start(options(sim));
    readers.push(worker);
    const reading = worker.readManagement('mgmt', []);
    // The worker thread dies mid-read (as on an out-of-memory crash).
    await (worker as any).worker.terminate();
    await expect(reading).rejects.toThrow(/worker exited/);
    const again = await worker.readManagement('mgmt', []);
    expect(again.details).toHaveLength(45);
  });

  it('closed while a new worker starts, it fails the read and leaves no worker behind', async () => {
    const worker = await WorkerFleetReader.start(options(sim));
    await (worker as any).worker.terminate();
    const reading = worker.readManagement('mgmt', []);
    await worker.close();
    await expect(reading).rejects.toThrow(/closed/);
    expect((worker as any).worker).toBeUndefined();
    await expect(worker.readManagement('mgmt', [])).rejects.toThrow(/closed/);
  });

  it('tells how much its heap holds', async () => {
    const worker = await WorkerFleetReader.start(options(sim));
    readers.push(worker);
    await worker.readManagement('mgmt', []);
    expect(await worker.heapUsedBytes()).toBeGreaterThan(1_000_000);
  });

  it('refuses to start when the worker cannot build its connections, saying why', async () => {
    await expect(
      WorkerFleetReader.start({
        ...options(sim),
        managementClusters: [{ id: 'Not_A_Label', url: 'https://x' }],
      }),
    ).rejects.toThrow(/must be a lowercase RFC 1123 label/);
  });

  it('reports a read of an unknown management cluster as a failed read', async () => {
    const worker = await WorkerFleetReader.start(options(sim));
    readers.push(worker);
    await expect(worker.readManagement('nope', [])).rejects.toThrow(
      'unknown management cluster nope',
    );
  });
});
