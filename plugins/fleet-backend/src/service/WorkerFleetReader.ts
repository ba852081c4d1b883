import { Worker } from 'node:worker_threads';
import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import type { ApiServerConnectionOptions } from '../connections/types';
import type { GitRevisions } from '../gitops/GitRevisions';
import type {
  FleetReading,
  ManagementRead,
  ReadSettings,
} from './FleetReading';
import {
  FLEET_READER_WORKER_FILE,
  type FleetReaderWorkerData,
  type WorkerRequest,
  type WorkerResponse,
} from './fleetReaderWorker';
import { answerGitQuestion } from './gitRevisionsOverPort';

export interface WorkerFleetReaderOptions extends ReadSettings {
  managementClusters: ApiServerConnectionOptions[];
  dnsClusters: ApiServerConnectionOptions[];
  /** Nice value added to the worker thread on Linux (default 10); 0 keeps the main thread's. */
  niceness?: number;
  /** How long the worker may take to load before start() gives up (default 60 s). */
  startTimeoutMs?: number;
  /** Git read in this thread for the worker (GitHub through UrlReaderService); else gitopsRepository there. */
  gitRevisions?: GitRevisions;
}

interface PendingRead {
  details: ClusterDetail[];
  resolve: (read: ManagementRead) => void;
  reject: (error: Error) => void;
}

interface PendingHeap {
  resolve: (usedBytes: number) => void;
  reject: (error: Error) => void;
}

/** Source files need the TypeScript transform in the worker too (in Jest it is not inherited). */
function execArgvFor(file: string): string[] | undefined {
  if (!file.endsWith('.ts')) return undefined;
  if (process.execArgv.some(arg => arg.includes('nodeTransform'))) {
    return undefined;
  }
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
  );
  return [...process.execArgv, '--require', transform];
}

/** Starts a worker thread and resolves once it has loaded and says it is ready. */
async function spawnWorker(
  data: FleetReaderWorkerData,
  startTimeoutMs: number,
): Promise<{ worker: Worker; lowerPriority: boolean }> {
  const worker = new Worker(FLEET_READER_WORKER_FILE, {
    workerData: data,
    execArgv: execArgvFor(FLEET_READER_WORKER_FILE),
  });
  try {
    const lowerPriority = await new Promise<boolean>((resolve, reject) => {
      const listeners = {
        message: (message: WorkerResponse) => {
          if (message.type === 'ready')
            finish(() => resolve(message.lowerPriority));
        },
        error: (error: Error) => finish(() => reject(error)),
        exit: (code: number) =>
          finish(() =>
            reject(new Error(`the fleet reader worker exited with ${code}`)),
          ),
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(
              new Error(
                `the fleet reader worker did not start within ${startTimeoutMs} ms`,
              ),
            ),
          ),
        startTimeoutMs,
      );
      function finish(settle: () => void) {
        clearTimeout(timer);
        worker.off('message', listeners.message);
        worker.off('error', listeners.error);
        worker.off('exit', listeners.exit);
        settle();
      }
      worker.on('message', listeners.message);
      worker.on('error', listeners.error);
      worker.on('exit', listeners.exit);
    });
    return { worker, lowerPriority };
  } catch (error) {
    // An error event after the wait gave up must not go unhandled.
    worker.on('error', () => {});
    await worker.terminate();
    throw error;
  }
}

/**
 * Reads the fleet in a worker thread at a lower CPU priority. Reading 500 clusters takes
 * seconds of CPU (TLS, JSON, client-node's object mapping, derivation); in the thread that
 * serves the API that CPU would queue every request behind it. Here the main thread only
 * decodes the derived clusters, one slice per turn of its event loop, and stores them. A
 * worker that dies fails the reads it had and is started again for the next one.
 */
export class WorkerFleetReader implements FleetReading {
  private nextId = 1;
  private readonly pending = new Map<number, PendingRead>();
  private readonly heapQueries = new Map<number, PendingHeap>();
  private closed = false;
  private worker?: Worker;
  private starting?: Promise<Worker>;

  private constructor(
    private readonly data: FleetReaderWorkerData,
    private readonly startTimeoutMs: number,
    private readonly gitRevisions?: GitRevisions,
  ) {}

  /** Whether the worker thread runs at a lower priority than the API (Linux only). */
  lowerPriority = false;

  /** Starts the worker and waits until it has loaded; rejects if it cannot. */
  static async start(
    options: WorkerFleetReaderOptions,
  ): Promise<WorkerFleetReader> {
    const reader = new WorkerFleetReader(
      {
        fleetReaderWorker: true,
        managementClusters: options.managementClusters,
        dnsClusters: options.dnsClusters,
        clusterTimeoutMs: options.clusterTimeoutMs,
        concurrency: options.concurrency,
        pageSize: options.pageSize,
        gitopsRepository: options.gitopsRepository,
        dnsOwnership: options.dnsOwnership,
        niceness: options.niceness ?? 10,
        gitFromMainThread: options.gitRevisions?.description,
      },
      options.startTimeoutMs ?? 60_000,
      options.gitRevisions,
    );
    await reader.ensureWorker();
    return reader;
  }

  private ensureWorker(): Promise<Worker> {
    if (this.closed) {
      return Promise.reject(new Error('the fleet reader worker is closed'));
    }
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= spawnWorker(this.data, this.startTimeoutMs)
      .then(async ({ worker, lowerPriority }) => {
        if (this.closed) {
          await worker.terminate();
          throw new Error('the fleet reader worker is closed');
        }
        this.lowerPriority = lowerPriority;
        worker.on('message', (message: WorkerResponse) =>
          this.receive(worker, message),
        );
        worker.on('error', error =>
          this.failAll(
            error instanceof Error ? error : new Error(String(error)),
          ),
        );
        worker.on('exit', code => {
          if (this.worker === worker) this.worker = undefined;
          this.failAll(
            new Error(`the fleet reader worker exited with ${code}`),
          );
        });
        worker.unref();
        this.worker = worker;
        return worker;
      })
      .finally(() => {
        this.starting = undefined;
      });
    return this.starting;
  }

  async readManagement(
    managementId: string,
    previousJson: string[],
  ): Promise<ManagementRead> {
    const worker = await this.ensureWorker();
    const id = this.nextId++;
    return new Promise<ManagementRead>((resolve, reject) => {
      this.pending.set(id, { details: [], resolve, reject });
      worker.ref();
      worker.postMessage({
        type: 'read',
        id,
        managementId,
        previousJson,
      } satisfies WorkerRequest);
    });
  }

  /**
   * Bytes the worker thread's heap holds: after a collection when the process runs with
   * --expose-gc, otherwise as it is now, garbage included (an upper bound).
   */
  async heapUsedBytes(): Promise<number> {
    const worker = await this.ensureWorker();
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.heapQueries.set(id, { resolve, reject });
      worker.postMessage({ type: 'heap', id } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failAll(new Error('the fleet reader worker is closed'));
    await this.starting?.catch(() => undefined);
    await this.worker?.terminate();
  }

  private receive(worker: Worker, message: WorkerResponse) {
    if (message.type === 'ready') return;
    if (message.type === 'git') {
      if (this.gitRevisions)
        answerGitQuestion(this.gitRevisions, message).then(answer =>
          worker.postMessage(answer satisfies WorkerRequest),
        );
      return;
    }
    if (message.type === 'heap') {
      this.heapQueries.get(message.id)?.resolve(message.usedBytes);
      this.heapQueries.delete(message.id);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'details') {
      pending.details.push(...message.details);
      // Ask for the next slice only after requests waiting on the event loop had their turn.
      setImmediate(() =>
        worker.postMessage({
          type: 'ack',
          id: message.id,
        } satisfies WorkerRequest),
      );
      return;
    }
    this.pending.delete(message.id);
    if (this.pending.size === 0) worker.unref();
    if (message.type === 'failed') {
      pending.reject(new Error(message.message));
    } else {
      pending.resolve({ ...message.read, details: pending.details });
    }
  }

  private failAll(error: Error) {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    for (const query of this.heapQueries.values()) query.reject(error);
    this.heapQueries.clear();
  }
}
