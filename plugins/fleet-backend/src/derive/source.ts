import type { FigureSource, ReadFrom } from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';

/** Where and when a set of objects was read; every figure derived from them points back here. */
export interface ReadContext {
  readFrom: ReadFrom;
  readAt: string;
}

export function sourceOf(
  object: KubeObject,
  read: ReadContext,
  field: string,
): FigureSource {
  return {
    readFrom: read.readFrom,
    apiVersion: object.apiVersion ?? 'unknown',
    kind: object.kind ?? 'unknown',
    namespace: object.metadata?.namespace,
    name: object.metadata?.name ?? 'unknown',
    field,
    readAt: read.readAt,
  };
}

export function findCondition(
  object: KubeObject,
  type: string,
):
  | {
      status?: string;
      reason?: string;
      message?: string;
      lastTransitionTime?: string;
    }
  | undefined {
  const conditions = object.status?.conditions;
  if (!Array.isArray(conditions)) return undefined;
  return conditions.find((c: any) => c && c.type === type);
}

export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
