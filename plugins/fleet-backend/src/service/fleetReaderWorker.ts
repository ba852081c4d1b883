/**
 * The entry of the worker thread that reads the fleet (see WorkerFleetReader). Loaded in the
 * main thread only for its file name; in the worker it builds the targets from the connection
 * settings it was given and answers read requests with a FleetReader.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import { createApiServerTarget } from '../connections/createApiServerTarget';
import type { ApiServerConnectionOptions } from '../connections/types';
import { FleetReader } from './FleetReader';
import type { ManagementRead, ReadSettings } from './FleetReading';
import {
  GitRevisionsOverPort,
  type GitAnswer,
  type GitQuestion,
} from './gitRevisionsOverPort';

export const FLEET_READER_WORKER_FILE = __filename;

export interface FleetReaderWorkerData extends ReadSettings {
  fleetReaderWorker: true;
  managementClusters: ApiServerConnectionOptions[];
  dnsClusters: ApiServerConnectionOptions[];
  /** Added to this thread's nice value (Linux), so requests win the CPU over a refresh. */
  niceness: number;
  /**
   * Git is read by the main thread (through Backstage's services): the repository's description.
   * Otherwise `gitopsRepository`, if set, is read here.
   */
  gitFromMainThread?: string;
}

export type WorkerRequest =
  | { type: 'read'; id: number; managementId: string; previousJson: string[] }
  /** The main thread has decoded a slice of details and is ready for the next. */
  | { type: 'ack'; id: number }
  | { type: 'heap'; id: number }
  | GitAnswer;

export type WorkerResponse =
  | { type: 'ready'; lowerPriority: boolean }
  | { type: 'details'; id: number; details: ClusterDetail[] }
  | { type: 'done'; id: number; read: Omit<ManagementRead, 'details'> }
  | { type: 'failed'; id: number; message: string }
  | { type: 'heap'; id: number; usedBytes: number }
  | GitQuestion;

/**
 * Details travel in slices, each sent only when the main thread acknowledged the last: Node
 * decodes every queued message of a port in one turn of the event loop, so slices sent at
 * once would hold the API for the whole fleet's decoding anyway.
 */
const DETAILS_PER_MESSAGE = 10;

/** Lowers this thread's priority by `niceness` (Linux; a no-op where threads have none). */
function lowerThisThreadsPriority(niceness: number): boolean {
  if (niceness <= 0) return false;
  try {
    // A worker thread is its own Linux task: its id is the last part of /proc/thread-self.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(tid, Math.min(19, getPriority(tid) + niceness));
    return true;
  } catch {
    return false;
  }
}

function serve(data: FleetReaderWorkerData) {
  const port = parentPort!;
  const git = data.gitFromMainThread
    ? new GitRevisionsOverPort(data.gitFromMainThread, question =>
        port.postMessage(question satisfies WorkerResponse),
      )
    : undefined;
  const reader = new FleetReader({
    managementClusters: data.managementClusters.map(c =>
      createApiServerTarget('management', c),
    ),
    dnsClusters: data.dnsClusters.map(c => createApiServerTarget('dns', c)),
    clusterTimeoutMs: data.clusterTimeoutMs,
    concurrency: data.concurrency,
    pageSize: data.pageSize,
    gitopsRepository: data.gitopsRepository,
    dnsOwnership: data.dnsOwnership,
    gitRevisions: git,
  });
  const send = (message: WorkerResponse) => port.postMessage(message);
  const acks = new Map<number, () => void>();
  const acknowledged = (id: number) =>
    new Promise<void>(resolve => acks.set(id, resolve));

  const read = async (request: Extract<WorkerRequest, { type: 'read' }>) => {
    try {
      const { details, ...rest } = await reader.readManagement(
        request.managementId,
        request.previousJson,
      );
      for (let i = 0; i < details.length; i += DETAILS_PER_MESSAGE) {
        const ack = acknowledged(request.id);
        send({
          type: 'details',
          id: request.id,
          details: details.slice(i, i + DETAILS_PER_MESSAGE),
        });
        await ack;
      }
      send({ type: 'done', id: request.id, read: rest });
    } catch (error) {
      send({
        type: 'failed',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'read') {
      read(request);
    } else if (request.type === 'ack') {
      const resolve = acks.get(request.id);
      acks.delete(request.id);
      resolve?.();
    } else if (request.type === 'git') {
      git?.receive(request);
    } else if (request.type === 'heap') {
      // Collected first where the process allows it (node --expose-gc, as the benchmark runs).
      (globalThis as { gc?: () => void }).gc?.();
      send({
        type: 'heap',
        id: request.id,
        usedBytes: getHeapStatistics().used_heap_size,
      });
    }
  });
  send({
    type: 'ready',
    lowerPriority: lowerThisThreadsPriority(data.niceness),
  });
}

if (!isMainThread && (workerData as FleetReaderWorkerData)?.fleetReaderWorker) {
  serve(workerData);
}
