import type {
  ReadFailure,
  ReadFailureReason,
  ResourceWatchStatus,
} from '@fleet-portal/plugin-fleet-common';
import type { ResourceWatchState } from './ResourceWatch';

const REASONS: Record<string, ReadFailureReason> = {
  unreachable: 'unreachable',
  timeout: 'timeout',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  'not-found': 'not-found',
  'server-error': 'server-error',
  'malformed-response': 'malformed-response',
  'malformed-event': 'malformed-response',
  'event-too-large': 'too-large',
  'too-many-objects': 'too-large',
  stalled: 'timeout',
};

/** A failed watch as the read failure a cluster shows, naming the resource and the step. */
export function watchFailure(
  state: ResourceWatchState,
): ReadFailure | undefined {
  if (state.phase !== 'failed') return undefined;
  return {
    reason: REASONS[state.reason ?? ''] ?? 'server-error',
    message: state.message ?? `${state.resource} could not be watched`,
    during: `watching ${state.resource}`,
    at: state.since,
  };
}

/** A watch's state as the API shows it with the cluster. */
export function watchStatus(state: ResourceWatchState): ResourceWatchStatus {
  return {
    resource: state.resource,
    phase: state.phase,
    since: state.since,
    ...(state.reason ? { reason: state.reason } : {}),
    ...(state.message ? { message: state.message } : {}),
  };
}
