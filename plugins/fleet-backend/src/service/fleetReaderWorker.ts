/**
 * The entry of the worker thread that reads the fleet (see WorkerFleetReader). Loaded in the
 * main thread only for its file name; in the worker it builds the targets from the connection
 * settings it was given and answers read requests with a FleetReader.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ClusterDetail } from '@internal/plugin-fleet-common';
import { createApiServerTarget } from '../connections/createApiServerTarget';
import type { ApiServerConnectionOptions } from '../connections/types';
import { FleetReader } from './FleetReader';
import type { ManagementRead } from './FleetReading';

export const FLEET_READER_WORKER_FILE = __filename;

export interface FleetReaderWorkerData {
  fleetReaderWorker: true;
  managementClusters: ApiServerConnectionOptions[];
  dnsClusters: ApiServerConnectionOptions[];
  clusterTimeoutMs: number;
  concurrency: number;
  pageSize?: number;
  /** Added to this thread's nice value (Linux), so requests win the CPU over a refresh. */
  niceness: number;
}

export type WorkerRequest =
  | { type: 'read'; id: number; managementId: string; previousJson: string[] }
  | { type: 'close' };

export type WorkerResponse =
  | { type: 'ready'; lowerPriority: boolean }
  | { type: 'details'; id: number; details: ClusterDetail[] }
  | { type: 'done'; id: number; read: Omit<ManagementRead, 'details'> }
  | { type: 'failed'; id: number; message: string };

/** Details travel in slices: the main thread decodes each in one go, and must stay responsive. */
const DETAILS_PER_MESSAGE = 20;

function lowerThisThreadsPriority(niceness: number): boolean {
  if (niceness <= 0) return false;
  try {
    // A worker thread is its own Linux task: its id is the last part of /proc/thread-self.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(tid, niceness);
    return true;
  } catch {
    return false;
  }
}

function serve(data: FleetReaderWorkerData) {
  const port = parentPort!;
  const reader = new FleetReader({
    managementClusters: data.managementClusters.map(c =>
      createApiServerTarget('management', c),
    ),
    dnsClusters: data.dnsClusters.map(c => createApiServerTarget('dns', c)),
    clusterTimeoutMs: data.clusterTimeoutMs,
    concurrency: data.concurrency,
    pageSize: data.pageSize,
  });
  const send = (message: WorkerResponse) => port.postMessage(message);

  port.on('message', async (request: WorkerRequest) => {
    if (request.type === 'close') {
      reader.close();
      port.close();
      return;
    }
    try {
      const { details, ...rest } = await reader.readManagement(
        request.managementId,
        request.previousJson,
      );
      for (let i = 0; i < details.length; i += DETAILS_PER_MESSAGE) {
        send({
          type: 'details',
          id: request.id,
          details: details.slice(i, i + DETAILS_PER_MESSAGE),
        });
      }
      send({ type: 'done', id: request.id, read: rest });
    } catch (error) {
      send({
        type: 'failed',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
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
