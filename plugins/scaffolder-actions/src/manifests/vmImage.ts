import {
  FLEET_ANNOTATIONS,
  FLEET_LABELS,
} from '@fleet-portal/plugin-fleet-common';
import { objectMeta } from './metadata';
import { KubeObject, RequestInfo } from './types';

export const VIRTRIGAUD_API_VERSION = 'infra.virtrigaud.io/v1beta1';

export const IMAGE_FORMATS = [
  'qcow2',
  'raw',
  'vmdk',
  'vhd',
  'vhdx',
  'iso',
  'ova',
  'ovf',
] as const;
export const IMAGE_ARCHITECTURES = ['amd64', 'arm64'] as const;

export interface VMImageSpec {
  name: string;
  namespace: string;
  /** `repo@sha256:<hex>`: the pin, recorded in the `fleetportal.io/image-ref` annotation. */
  reference: string;
  /** `repo:tag`: what VirtRigaud pulls (its CRD admits no digest in `registry.image`). */
  registryImage: string;
  format: (typeof IMAGE_FORMATS)[number];
  architecture: (typeof IMAGE_ARCHITECTURES)[number];
  /** Kairos release, e.g. `v3.2.1`. */
  version?: string;
  displayName?: string;
  pullSecret?: string;
  /** Cluster the image was registered for, when there is one. */
  cluster?: string;
}

export function buildVMImage(
  spec: VMImageSpec,
  request: RequestInfo,
): KubeObject {
  const labels: Record<string, string> = {};
  if (spec.cluster) labels[FLEET_LABELS.cluster] = spec.cluster;
  const registry: Record<string, unknown> = {
    image: spec.registryImage,
    format: spec.format,
  };
  if (spec.pullSecret) registry.pullSecretRef = { name: spec.pullSecret };
  const metadata: Record<string, unknown> = { architecture: spec.architecture };
  if (spec.version) metadata.version = spec.version;
  if (spec.displayName) metadata.displayName = spec.displayName;
  return {
    apiVersion: VIRTRIGAUD_API_VERSION,
    kind: 'VMImage',
    // VirtRigaud's CRD only admits repo:tag in registry.image; the digest pin is recorded here,
    // where the fleet backend reads it.
    metadata: objectMeta(request, spec.name, spec.namespace, {
      labels,
      annotations: { [FLEET_ANNOTATIONS.nodeImageRef]: spec.reference },
    }),
    spec: {
      source: { registry },
      metadata,
      distribution: { family: 'linux', name: 'other', variant: 'kairos' },
    },
  };
}
