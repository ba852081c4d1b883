import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';

/** The signal channel the fleet's changes are announced on. */
export const FLEET_CHANGES_CHANNEL = 'fleet:changes';

/**
 * What a fleet change signal carries: when the stored fleet changed, and nothing else. It is
 * broadcast to every signed-in user, so it names no cluster: a cluster a user may not read is
 * answered 404 exactly like one that does not exist, and its id must not reach them here.
 * Clients refetch through the permission-checked API. (The same type is in the frontend's
 * `useFleetChanges`.)
 */
export type FleetChangeMessage = {
  /** ISO 8601 time the changes were stored. */
  changedAt: string;
};

/**
 * Told the ids of the clusters whose stored detail changed, after each save that changed any:
 * the scheduled refresh calls it, and so may any other writer of the store.
 */
export type FleetChangeListener = (changedClusterIds: string[]) => void;

/**
 * Publishes a `fleet:changes` signal for each save that changed at least one cluster; nothing
 * for an empty list (an idle fleet publishes nothing). A failed publish is logged, never
 * thrown: live updates are a convenience, the stored fleet is what counts.
 */
export function createFleetChangePublisher(options: {
  signals: SignalsService;
  logger: LoggerService;
  now?: () => Date;
}): FleetChangeListener {
  const now = options.now ?? (() => new Date());
  return changedClusterIds => {
    if (changedClusterIds.length === 0) return;
    const message: FleetChangeMessage = { changedAt: now().toISOString() };
    options.logger.debug(
      `Fleet: ${changedClusterIds.length} clusters changed; signalling ${FLEET_CHANGES_CHANNEL}`,
    );
    options.signals
      .publish({
        recipients: { type: 'broadcast' },
        channel: FLEET_CHANGES_CHANNEL,
        message,
      })
      .catch(error =>
        options.logger.warn(
          `Fleet: the ${FLEET_CHANGES_CHANNEL} signal could not be published (${error}); pages update at their next load`,
        ),
      );
  };
}
