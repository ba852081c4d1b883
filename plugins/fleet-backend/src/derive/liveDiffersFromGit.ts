import { isDeepStrictEqual } from 'node:util';
import type { DriftFinding } from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';

/**
 * The dotted paths of the fields a manifest sets that the live object holds otherwise. Only
 * fields the manifest sets count, as with server-side apply: what the API server or a controller
 * adds (defaults, status) is not an edit. A list is compared whole.
 */
export function differingFields(
  manifest: unknown,
  live: unknown,
  path: string,
): string[] {
  if (
    manifest !== null &&
    typeof manifest === 'object' &&
    !Array.isArray(manifest) &&
    live !== null &&
    typeof live === 'object' &&
    !Array.isArray(live)
  ) {
    return Object.entries(manifest as Record<string, unknown>).flatMap(
      ([key, value]) =>
        differingFields(
          value,
          (live as Record<string, unknown>)[key],
          `${path}.${key}`,
        ),
    );
  }
  return isDeepStrictEqual(manifest, live) ? [] : [path];
}

/** A finding when the live object no longer matches its manifest at the applied revision. */
export function liveDiffersFromGit(
  live: KubeObject,
  manifest: { object: KubeObject; path: string; revision: string } | undefined,
): DriftFinding[] {
  if (!manifest) return [];
  const fields = [
    ...differingFields(manifest.object.spec, live.spec, 'spec'),
    ...differingFields(
      manifest.object.metadata?.labels ?? {},
      live.metadata?.labels ?? {},
      'metadata.labels',
    ),
    ...differingFields(
      manifest.object.metadata?.annotations ?? {},
      live.metadata?.annotations ?? {},
      'metadata.annotations',
    ),
  ];
  if (fields.length === 0) return [];
  return [
    {
      type: 'live-differs-from-git',
      object: `${live.kind} ${live.metadata?.namespace ?? ''}/${
        live.metadata?.name
      }`,
      path: manifest.path,
      revision: manifest.revision,
      fields,
    },
  ];
}
