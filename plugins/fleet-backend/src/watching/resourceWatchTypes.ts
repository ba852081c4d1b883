import type { KubeConfig } from '@kubernetes/client-node';
import type { AgentPool } from '../reading/AgentPool';
import type { KubeObject, ResourceType } from '../reading/KubeReader';
import type { WatchLimits } from './watchStream';

/**
 * - `listing`: the first list, or a re-list after a broken or expired watch;
 * - `watching`: the objects are current, changes arrive as they happen;
 * - `polling`: the server refuses to watch (or the resource is not installed), so it is listed
 *   every poll interval instead;
 * - `failed`: the last list failed; the objects are the last ones read, retried with back-off.
 */
export type WatchPhase = 'listing' | 'watching' | 'polling' | 'failed';

export interface ResourceWatchState {
  /** What is watched, in words, e.g. `nodes of cluster team-a/prod-1`. */
  resource: string;
  phase: WatchPhase;
  since: string;
  /** Why it is polling or failed: a read failure reason or a watch problem. */
  reason?: string;
  message?: string;
  /** Lists since start (the first one included). */
  lists: number;
  /** Whether objects() holds a complete list (false before the first list succeeded). */
  synced: boolean;
}

export interface ResourceWatchOptions {
  kubeConfig: KubeConfig;
  type: ResourceType | 'nodes';
  /** One namespace, or every namespace when undefined. */
  namespace?: string;
  labelSelector?: string;
  resource: string;
  /** A resource whose CRD is not installed (404) counts as empty and is listed again each poll. */
  optional?: boolean;
  pageSize?: number;
  /** More objects than this is reported as a failure and none are kept. */
  maxObjects: number;
  limits: WatchLimits;
  listTimeoutMs: number;
  /** What of each object is kept (default: all but `metadata.managedFields`). */
  transform?: (object: KubeObject) => KubeObject;
  /** Runs each list, bounding how many run at once across the fleet. */
  listLimit?: <T>(run: () => Promise<T>) => Promise<T>;
  pollIntervalMs: number;
  backoff: { initialMs: number; maxMs: number };
  /** The server ends each watch after about this long (jittered); the next resumes from it. */
  watchTimeoutSeconds: number;
  agents?: AgentPool;
  random?: () => number;
  now?: () => Date;
  /** Called after the objects changed (an event, or a list that replaced them). */
  onChange: () => void;
  onState?: (state: ResourceWatchState) => void;
}
