import {
  IMAGE_ARCHITECTURES,
  IMAGE_FORMATS,
  VMImageSpec,
} from '../manifests/vmImage';
import { optionalTargetPath } from './common';
import { fieldError } from './fieldError';
import { DigestReference, requireDigestReference } from './imageReference';
import { requireDnsLabel, requireNamespace } from './names';
import {
  optionalSingleLine,
  rejectUnknownKeys,
  requireObject,
  requireOneOf,
  requireString,
} from './primitives';

export interface ImageInput extends VMImageSpec {
  targetPath: string;
}

const KNOWN_INPUTS = [
  'name',
  'namespace',
  'image',
  'format',
  'architecture',
  'version',
  'displayName',
  'pullSecret',
  'cluster',
  'targetPath',
];
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$/;

export function validateImageInput(raw: unknown): ImageInput {
  const input = requireObject(raw, 'input');
  rejectUnknownKeys(input, '', KNOWN_INPUTS);
  let version: string | undefined;
  if (input.version !== undefined) {
    version = requireString(input.version, 'version');
    if (!VERSION.test(version)) {
      throw fieldError(
        'version',
        'must be 1-100 of letters, digits, ".", "_", "+", "-" (e.g. v3.2.1)',
      );
    }
  }
  const pinned = requireDigestReference(input.image, 'image');
  return {
    name: requireDnsLabel(input.name, 'name'),
    namespace: requireNamespace(input.namespace),
    reference: pinned.reference,
    registryImage: virtrigaudRegistryImage(pinned, version),
    format:
      input.format === undefined
        ? 'qcow2'
        : requireOneOf(input.format, 'format', IMAGE_FORMATS),
    architecture:
      input.architecture === undefined
        ? 'amd64'
        : requireOneOf(input.architecture, 'architecture', IMAGE_ARCHITECTURES),
    version,
    displayName: optionalSingleLine(input.displayName, 'displayName', 255),
    pullSecret:
      input.pullSecret === undefined
        ? undefined
        : requireDnsLabel(input.pullSecret, 'pullSecret'),
    cluster:
      input.cluster === undefined
        ? undefined
        : requireDnsLabel(input.cluster, 'cluster'),
    targetPath: optionalTargetPath(input.targetPath),
  };
}

/** What VirtRigaud's VMImage CRD (v0.3.11) admits in `spec.source.registry.image`. */
const VIRTRIGAUD_REGISTRY_IMAGE = /^[a-zA-Z0-9._/-]+:[a-zA-Z0-9._-]+$/;

/**
 * The `repo:tag` VirtRigaud pulls. Its CRD admits no digest there (and no registry port), so the
 * digest is recorded beside it in the `fleetportal.io/image-ref` annotation. The tag is the one
 * given with the digest, else the Kairos version.
 */
function virtrigaudRegistryImage(
  pinned: DigestReference,
  version: string | undefined,
): string {
  const tag = pinned.tag ?? version;
  if (!tag) {
    throw fieldError(
      'image',
      "VirtRigaud's VMImage pulls by repo:tag, so give the tag with the digest (repo:tag@sha256:<digest>) or set version",
    );
  }
  const registryImage = `${pinned.repository}:${tag}`;
  if (!VIRTRIGAUD_REGISTRY_IMAGE.test(registryImage)) {
    throw fieldError(
      'image',
      `"${registryImage}" is not a repo:tag VirtRigaud's VMImage CRD admits (letters, digits, ".", "_", "/", "-", one ":" before the tag; no registry port)`,
    );
  }
  return registryImage;
}
