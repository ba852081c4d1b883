import type { ClusterRef } from './types';

/** Backstage's limit for entity names and namespaces. */
const MAX_LENGTH = 63;

/** FNV-1a, 32 bits: short, stable and the same in the browser and the backend. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Cut to the limit with a hash of the whole, so two long inputs sharing a prefix stay apart. */
function fit(text: string, whole: string, separator: RegExp): string {
  if (text.length <= MAX_LENGTH) return text;
  const head = text.slice(0, MAX_LENGTH - 9).replace(separator, '');
  return `${head}-${shortHash(whole)}`;
}

/**
 * A catalog namespace (`[a-z0-9]+(-[a-z0-9]+)*`) for a management cluster id: the id itself when
 * it already is one, else its cleaned form with a hash of the id, so two ids never share one.
 */
export function managementEntityNamespace(management: string): string {
  const cleaned = management
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (cleaned === management) return fit(cleaned, management, /-+$/);
  return fit(
    `${cleaned || 'management'}-${shortHash(management)}`,
    management,
    /-+$/,
  );
}

/**
 * Where a cluster lives in the catalog: in its management cluster's namespace, named
 * `<name>.<namespace>` (Kubernetes namespaces have no dot, so no two clusters share a name).
 * Every cluster of every management cluster gets its own entity, whatever the names.
 */
export function clusterEntityRef(ref: ClusterRef): {
  kind: 'Resource';
  namespace: string;
  name: string;
} {
  const name = `${ref.name}.${ref.namespace}`
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return {
    kind: 'Resource',
    namespace: managementEntityNamespace(ref.management),
    name: fit(
      name,
      `${ref.management}/${ref.namespace}/${ref.name}`,
      /[^A-Za-z0-9]+$/,
    ),
  };
}

/** `resource:<namespace>/<name>` of the cluster's entity. */
export function clusterEntityRefString(ref: ClusterRef): string {
  const entity = clusterEntityRef(ref);
  return `resource:${entity.namespace}/${entity.name}`;
}
