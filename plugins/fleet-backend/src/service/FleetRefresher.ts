import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ReadFailure } from '@fleet-portal/plugin-fleet-common';
import type { ApiServerTarget } from '../connections/types';
import type { GitRevisions } from '../gitops/GitRevisions';
import type { FleetChangeListener } from '../signals/publishFleetChanges';
import { FleetReader } from './FleetReader';
import type { FleetReading, ReadSettings } from './FleetReading';
import type { FleetStore } from './FleetStore';

export interface FleetRefresherOptions extends ReadSettings {
  managementClusters: ApiServerTarget[];
  dnsClusters: ApiServerTarget[];
  store: FleetStore;
  logger: LoggerService;
  now?: () => Date;
  /** Reads the fleet elsewhere, e.g. in a worker thread; by default a FleetReader in this thread. */
  reader?: FleetReading;
  /** Where Git is read in this thread (GitHub mode); by default the local `gitopsRepository`. */
  gitRevisions?: GitRevisions;
  /** Told which clusters' stored detail changed after each refresh that changed any. */
  onChange?: FleetChangeListener;
}

export interface RefreshReport {
  managementId: string;
  clusters: number;
  failedClusters: number;
  durationMs: number;
  failure?: ReadFailure;
}

/** Reads the fleet and stores what it derives, one management cluster at a time. */
export class FleetRefresher {
  private readonly reader: FleetReading;
  /** Reads in this thread when the configured reader (a worker thread) fails. */
  private fallback?: FleetReader;

  constructor(private readonly options: FleetRefresherOptions) {
    this.reader = options.reader ?? new FleetReader(options);
  }

  get managementTargets(): ApiServerTarget[] {
    return this.options.managementClusters;
  }

  async refreshAll(): Promise<RefreshReport[]> {
    return Promise.all(
      this.options.managementClusters.map(t => this.refreshManagement(t)),
    );
  }

  async refreshManagement(target: ApiServerTarget): Promise<RefreshReport> {
    const { store, logger } = this.options;
    const started = Date.now();
    logger.info(`Fleet: refreshing management cluster ${target.id}`);
    const previousJson = await store.listClusterDetailJson(target.id);
    const read = await this.reader
      .readManagement(target.id, previousJson)
      .catch(error => {
        if (!this.options.reader) throw error;
        logger.error(
          `Fleet: the fleet reader failed (${error}); reading ${target.id} in this thread instead`,
        );
        this.fallback ??= new FleetReader(this.options);
        return this.fallback.readManagement(target.id, previousJson);
      });
    for (const warning of read.warnings) logger.warn(`Fleet: ${warning}`);
    for (const source of read.dnsSources) await store.saveSourceStatus(source);
    const changed = await store.saveManagementSnapshot(
      target.id,
      read.details,
      read.source,
    );
    if (changed.length > 0) this.options.onChange?.(changed);
    const durationMs = Date.now() - started;
    const failedClusters = read.failure
      ? read.details.length
      : read.details.filter(d => d.read.failures.length > 0).length;
    if (!read.failure) {
      logger.info(
        `Fleet: read ${read.details.length} clusters of ${target.id} in ${durationMs} ms (${failedClusters} with failures)`,
      );
    }
    return {
      managementId: target.id,
      clusters: read.details.length,
      failedClusters,
      durationMs,
      failure: read.failure,
    };
  }

  /** Closes the pooled connections to the fleet (and the worker thread, if any). */
  async close(): Promise<void> {
    this.fallback?.close();
    await this.reader.close();
  }
}
