import type { ClusterHealth } from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';
import {
  findCondition,
  ReadContext,
  sourceOf,
  stringOrUndefined,
} from './source';

/** The ClusterDeployment's `Ready` condition: `True` ready, `Progressing` reason progressing. */
export function deriveHealth(
  clusterDeployment: KubeObject,
  read: ReadContext,
): ClusterHealth {
  const ready = findCondition(clusterDeployment, 'Ready');
  if (!ready) {
    return {
      state: 'unknown',
      reason: 'NoReadyCondition',
      message: 'the ClusterDeployment reports no Ready condition yet',
    };
  }
  const reason = stringOrUndefined(ready.reason);
  let state: ClusterHealth['state'] = 'not-ready';
  if (ready.status === 'True') state = 'ready';
  else if (reason === 'Progressing' || ready.status === 'Unknown')
    state = 'progressing';
  return {
    state,
    reason,
    message: stringOrUndefined(ready.message),
    source: sourceOf(clusterDeployment, read, 'status.conditions[type=Ready]'),
  };
}
