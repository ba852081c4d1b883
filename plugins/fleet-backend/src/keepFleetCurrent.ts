import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type {
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig, type Config } from '@backstage/config';
import type { HumanDuration } from '@backstage/types';
import type { MetricsService } from '@backstage/backend-plugin-api/alpha';
import type { Knex } from 'knex';
import type {
  ApiServerConnectionOptions,
  ApiServerTarget,
} from './connections/types';
import type { GitRevisions } from './gitops/GitRevisions';
import { timeRefreshes } from './metrics/refreshDuration';
import type { ReadSettings } from './service/FleetReading';
import { FleetRefresher } from './service/FleetRefresher';
import type { FleetStore } from './service/FleetStore';
import {
  WorkerFleetReader,
  type WorkerFleetReaderOptions,
} from './service/WorkerFleetReader';
import type { FleetChangeListener } from './signals/publishFleetChanges';
import { LeaderLease } from './watching/LeaderLease';
import { LiveFleet } from './watching/LiveFleet';
import { runAsLeader } from './watching/runAsLeader';
import { readWatchSettings } from './watching/watchSettings';

/**
 * Keeps the stored fleet current, as `fleet.refresh.mode` says: `poll` re-reads every
 * management cluster each `frequency` (one replica at a time, through the scheduler); `watch`
 * holds the fleet with watches on the one replica that holds the database lease.
 */
export async function keepFleetCurrent(args: {
  refreshConfig?: Config;
  frequency: HumanDuration;
  logger: LoggerService;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  knex: Knex;
  store: FleetStore;
  reading: ReadSettings;
  connections: {
    management: ApiServerConnectionOptions[];
    dns: ApiServerConnectionOptions[];
  };
  targets: { management: ApiServerTarget[]; dns: ApiServerTarget[] };
  gitRevisions?: GitRevisions;
  onChange: FleetChangeListener;
  /** Runs after each refresh (poll), or each `frequency` (watch). */
  afterRefresh: () => Promise<void>;
  /** Where each refresh's duration and outcome are recorded (poll). */
  metrics: MetricsService;
}): Promise<void> {
  const { refreshConfig, logger, scheduler, reading, targets } = args;
  const mode = refreshConfig?.getOptionalString('mode') ?? 'poll';
  if (mode !== 'poll' && mode !== 'watch')
    throw new Error(
      `fleet.refresh.mode must be "poll" or "watch", not "${mode}"`,
    );

  if (mode === 'watch') {
    const watch = readWatchSettings(refreshConfig?.getOptionalConfig('watch'));
    const lease = new LeaderLease(
      args.knex,
      'fleet-watch',
      `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
      watch.leaseMs,
    );
    const stop = runAsLeader({
      lease,
      logger,
      job: () =>
        new LiveFleet({
          ...reading,
          managementClusters: targets.management,
          dnsClusters: targets.dns,
          store: args.store,
          logger,
          watch,
          gitRevisions: args.gitRevisions,
          onChange: args.onChange,
        }),
    });
    args.lifecycle.addShutdownHook(() => stop());
    await scheduler.scheduleTask({
      id: 'fleet-follow-requests',
      frequency: args.frequency,
      timeout: { minutes: 10 },
      scope: 'global',
      fn: args.afterRefresh,
    });
    return;
  }

  const reader =
    refreshConfig?.getOptionalBoolean('workerThread') ?? true
      ? await startWorkerReader(logger, {
          ...reading,
          managementClusters: args.connections.management,
          dnsClusters: args.connections.dns,
          gitRevisions: args.gitRevisions,
        })
      : undefined;
  const refresher = new FleetRefresher({
    ...reading,
    managementClusters: targets.management,
    dnsClusters: targets.dns,
    store: args.store,
    logger,
    reader,
    gitRevisions: args.gitRevisions,
    onChange: args.onChange,
  });
  args.lifecycle.addShutdownHook(() => refresher.close());
  const timed = timeRefreshes(args.metrics);
  for (const target of targets.management) {
    await scheduler.scheduleTask({
      id: `fleet-refresh-${target.id}`,
      frequency: args.frequency,
      // A replica that dies mid-refresh holds the task until this expires; another takes over then.
      timeout: refreshConfig?.has('timeout')
        ? readDurationFromConfig(refreshConfig, { key: 'timeout' })
        : { minutes: 10 },
      scope: 'global',
      fn: async () => {
        await timed(target.id, () => refresher.refreshManagement(target));
        await args.afterRefresh();
      },
    });
  }
}

/** The worker-thread reader, or undefined (read in this thread) when the worker cannot start. */
async function startWorkerReader(
  logger: LoggerService,
  options: WorkerFleetReaderOptions,
): Promise<WorkerFleetReader | undefined> {
  try {
    const reader = await WorkerFleetReader.start(options);
    logger.info(
      `Fleet: reading the fleet in a worker thread${
        reader.lowerPriority ? ' at a lower CPU priority' : ''
      }`,
    );
    return reader;
  } catch (error) {
    logger.warn(
      `Fleet: the reader worker thread could not start, reading in the main thread instead: ${error}`,
    );
    return undefined;
  }
}
