import { isDeepStrictEqual } from 'node:util';
import type { ManifestObject } from '@fleet-portal/plugin-fleet-node';
import type { ObjectStore } from '../store';
import type { KubeObject, KubeObjectRef } from '../types';

export type ApplyResult = 'created' | 'configured' | 'unchanged';

export function refOf(object: {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}): KubeObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
    namespace: object.metadata.namespace,
  };
}

/** What the API server stores for a Secret's `stringData`: base64 `data`. */
function withSecretData(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret' || !object.stringData) return object;
  const data: Record<string, string> = { ...((object.data as any) ?? {}) };
  for (const [key, value] of Object.entries(
    object.stringData as Record<string, string>,
  ))
    data[key] = Buffer.from(String(value), 'utf8').toString('base64');
  const { stringData: _dropped, ...rest } = object;
  return { ...rest, data };
}

/** The fields Git owns: everything but status and server-set metadata. */
function desiredFields(object: KubeObject) {
  const { status: _status, metadata, ...rest } = object;
  return {
    rest,
    labels: metadata.labels ?? {},
    annotations: metadata.annotations ?? {},
  };
}

/**
 * Applies a manifest as Flux's server-side apply does for the fields Git holds: labels,
 * annotations, spec and data come from Git; status and server-set metadata stay as the
 * controllers left them. An object whose Git fields did not change is not written at all.
 */
export function applyManifest(
  store: ObjectStore,
  manifest: ManifestObject,
): ApplyResult {
  const desired = withSecretData(structuredClone(manifest) as KubeObject);
  const existing = store.peek(refOf(desired));
  if (!existing) {
    delete desired.metadata.generation;
    store.upsert(desired);
    return 'created';
  }
  const next: KubeObject = {
    ...desired,
    metadata: {
      ...existing.metadata,
      labels: desired.metadata.labels,
      annotations: desired.metadata.annotations,
    },
    ...(existing.status !== undefined ? { status: existing.status } : {}),
  };
  if (isDeepStrictEqual(desiredFields(next), desiredFields(existing)))
    return 'unchanged';
  delete next.metadata.generation;
  delete next.metadata.resourceVersion;
  store.upsert(next);
  return 'configured';
}

/**
 * Flux's post-build substitution: `${VAR}` and `${VAR:=default}` in every string, from the
 * given variables; an unknown variable without a default becomes empty, as Flux does outside
 * strict mode.
 */
export function substituteVariables<T>(
  value: T,
  variables: Record<string, string>,
): T {
  const replace = (text: string) =>
    text.replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::=([^}]*))?\}/g,
      (_, name: string, fallback: string | undefined) =>
        variables[name] ?? fallback ?? '',
    );
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return replace(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(
        Object.entries(node).map(([key, child]) => [key, walk(child)]),
      );
    return node;
  };
  return walk(value) as T;
}
