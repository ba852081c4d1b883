import { DNS_TYPES, TYPES } from '../resourceTypes';
import type { KubeObject } from '../types';

/**
 * The kinds of the generated fleet that stand in the GitOps repository, by area: at start the
 * simulated Flux takes every such object as its own, so one that Git no longer holds is pruned.
 * (The VMs' cloud-config Secrets are Git's too, but the generated fleet has none to adopt.)
 */
export const GIT_MANAGED_KINDS: Record<string, readonly string[]> = {
  clusters: [TYPES.clusterDeployment.kind],
  images: [TYPES.vmImage.kind],
  vms: [TYPES.virtualMachine.kind],
  dns: DNS_TYPES.map(type => type.kind),
};

/** Fields the API server sets: a manifest in Git never holds them. */
const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'managedFields',
  'finalizers',
  'ownerReferences',
  'deletionTimestamp',
];

/** The manifest of a live object as it stands in Git: no status, no server-set metadata. */
export function toGitManifest(object: KubeObject): KubeObject {
  const { status: _status, metadata, ...rest } = structuredClone(object);
  for (const key of SERVER_METADATA) delete (metadata as any)[key];
  if (metadata.labels && Object.keys(metadata.labels).length === 0)
    delete metadata.labels;
  if (metadata.annotations && Object.keys(metadata.annotations).length === 0)
    delete metadata.annotations;
  return { ...rest, metadata } as KubeObject;
}
