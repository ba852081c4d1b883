import {
  createApiServerTarget,
  FleetRefresher,
  WorkerFleetReader,
} from '@fleet-portal/plugin-fleet-backend';
import { quietLogger, startBackstageHttpStack } from './backstageHttpStack';
import type { RemoteAccess } from './RemoteSimulator';
import { allowAllRouter, memoryFleetStore } from './benchStore';

/**
 * The fleet backend's own pieces — refresher, database store, router — wired as the plugin
 * wires them, behind the middleware Backstage's root router puts in front of every plugin
 * (helmet, CORS, compression, request logging), minus Backstage's auth: every request is
 * allowed, so the figures measure the fleet code and the HTTP stack, not the token checks.
 */
export async function startFleetBackend(options: {
  management: RemoteAccess;
  dns: RemoteAccess;
  concurrency: number;
  clusterTimeoutMs: number;
  /**
   * What the refresh reads of GitOps: Flux's objects (`flux`, default on) and the local GitOps
   * repository to compare live objects with (`gitopsRepository`, default none).
   */
  gitops?: { flux: boolean; gitopsRepository?: string };
}) {
  const { db, store } = await memoryFleetStore();
  const connections = {
    managementClusters: [
      {
        id: 'bench',
        url: options.management.url,
        caData: options.management.caData,
        serviceAccountToken: options.management.token,
        // No namespaces: not one Flux request.
        fluxNamespaces: options.gitops?.flux === false ? [] : undefined,
      },
    ],
    dnsClusters: [
      {
        id: 'bench-dns',
        url: options.dns.url,
        caData: options.dns.caData,
        serviceAccountToken: options.dns.token,
      },
    ],
  };
  const reading = {
    clusterTimeoutMs: options.clusterTimeoutMs,
    concurrency: options.concurrency,
    gitopsRepository: options.gitops?.gitopsRepository,
  };
  const refresherWith = (reader?: WorkerFleetReader) =>
    new FleetRefresher({
      ...reading,
      managementClusters: connections.managementClusters.map(c =>
        createApiServerTarget('management', c),
      ),
      dnsClusters: connections.dnsClusters.map(c =>
        createApiServerTarget('dns', c),
      ),
      store,
      logger: quietLogger,
      reader,
    });
  // As the plugin runs by default: reading in a worker thread at a lower priority.
  const workerReader = await WorkerFleetReader.start({
    ...connections,
    ...reading,
  });
  const refresher = refresherWith(workerReader);
  // For comparison: reading in the thread that serves the API.
  const mainThreadRefresher = refresherWith();
  const router = await allowAllRouter(store);
  const http = await startBackstageHttpStack(router);
  return {
    store,
    refresher,
    mainThreadRefresher,
    baseUrl: http.baseUrl,
    /** The reader thread's heap in MB, after GC (the bench runs with --expose-gc). */
    readerHeapMb: async () => (await workerReader.heapUsedBytes()) / 2 ** 20,
    async stop() {
      await http.stop();
      await refresher.close();
      await mainThreadRefresher.close();
      await db.destroy();
    },
  };
}
