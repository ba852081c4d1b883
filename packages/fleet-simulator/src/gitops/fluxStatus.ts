import { condition } from '../conditions';
import type { KubeObject } from '../types';

/**
 * The status fields every reconcile of a Flux object rewrites: `observedGeneration` and the
 * `Ready` condition (its transition time kept while its status does not change).
 */
export function readyStatus(
  object: KubeObject,
  status: 'True' | 'False',
  reason: string,
  message: string,
  now: string,
) {
  const previous = ((object.status as any)?.conditions ?? []).find(
    (c: any) => c.type === 'Ready',
  );
  const at = previous?.status === status ? previous.lastTransitionTime : now;
  return {
    observedGeneration: object.metadata.generation ?? 1,
    conditions: [condition('Ready', status, reason, message, at)],
  };
}
