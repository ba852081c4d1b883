import type { LoggerService } from '@backstage/backend-plugin-api';
import type { LeaderLease } from './LeaderLease';

export interface LeaderJob {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `job` on this replica only while it holds `lease`: tries to take the lease every third of
 * its lifetime, renews it as long as it holds it, and stops the job the moment a renewal fails
 * (the database unreachable, or the lease taken over), before the lease can expire. Returns
 * the function that stops the loop (and the job) and releases the lease.
 */
export function runAsLeader(args: {
  lease: LeaderLease;
  job: () => LeaderJob;
  logger: LoggerService;
  onElected?: () => void;
}): (options?: { release?: boolean }) => Promise<void> {
  const { lease, logger } = args;
  let running: LeaderJob | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let tick: Promise<void> = Promise.resolve();

  const depose = async (why: string) => {
    const job = running;
    running = undefined;
    if (!job) return;
    logger.warn(`Fleet: this replica stops watching the fleet: ${why}`);
    await job.stop().catch(() => {});
  };

  const step = async () => {
    let held = false;
    try {
      held = await lease.tryAcquire();
    } catch (error) {
      await depose(`the lease could not be renewed (${error})`);
    }
    if (stopped) return;
    if (held && !running) {
      logger.info(
        `Fleet: this replica (${lease.holder}) holds the fleet's watches`,
      );
      running = args.job();
      args.onElected?.();
      await running.start().catch(error => {
        logger.error(`Fleet: the fleet's watches could not start: ${error}`);
      });
    } else if (!held && running) {
      await depose('another replica holds the lease');
    }
  };

  const loop = () => {
    tick = step().finally(() => {
      if (!stopped) timer = setTimeout(loop, lease.ttlMs / 3);
    });
  };
  loop();

  // `release: false` leaves the lease to expire, as a replica that died would (benchmarks).
  return async ({ release = true } = {}) => {
    stopped = true;
    clearTimeout(timer);
    await tick;
    const job = running;
    running = undefined;
    await job?.stop();
    if (release) await lease.release().catch(() => {});
  };
}
