import { FLEET_ANNOTATIONS } from '@fleet-portal/plugin-fleet-common';
import { imagePath, PARSE_OPTIONS } from '@fleet-portal/plugin-fleet-node';
import { parseAllDocuments } from 'yaml';
import { RepoReader } from '../gitops/changeSet';
import { fieldError } from '../validation/fieldError';
import { parseDigestReference } from '../validation/imageReference';
import { VmInput } from '../validation/vmInput';

/** The reference the VMs record on their nodes, and where it was read. */
export interface ResolvedImageReference {
  /** `repo@sha256:<digest>`. */
  reference: string;
  /**
   * `<path> <field>` of the VMImage in the checkout, e.g.
   * `images/fleet-vms/kairos.yaml metadata.annotations["fleetportal.io/image-ref"]`, or
   * `input imageReference` when the repo holds no VMImage to read it from.
   */
  source: string;
}

const REGISTRY_FIELD = 'spec.source.registry.image';
const ANNOTATION_FIELD = `metadata.annotations["${FLEET_ANNOTATIONS.nodeImageRef}"]`;
const REGISTER_HINT =
  'register it by digest with the register-kairos-image template and merge that request first';

function readVmImage(input: VmInput, path: string, text: string): any {
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  const broken = docs.find(doc => doc.errors.length > 0);
  if (broken) {
    throw fieldError(
      'image',
      `${path} in the GitOps repo is not valid YAML: ${broken.errors[0].message}`,
    );
  }
  const image = docs
    .map(doc => doc.toJS() as any)
    .find(
      object =>
        object?.kind === 'VMImage' && object?.metadata?.name === input.image,
    );
  if (!image) {
    throw fieldError(
      'image',
      `${path} in the GitOps repo holds no VMImage named ${input.image}; fix that file or pick another image`,
    );
  }
  return image;
}

/**
 * The digest a VMImage pins, read as the fleet backend reads it: a digest in `registry.image`
 * (which VirtRigaud's CRD does not admit today), else the `fleetportal.io/image-ref` annotation.
 */
function pinnedReference(
  image: any,
): { reference: string; field: string } | undefined {
  const candidates: Array<[unknown, string]> = [
    [image?.spec?.source?.registry?.image, REGISTRY_FIELD],
    [
      image?.metadata?.annotations?.[FLEET_ANNOTATIONS.nodeImageRef],
      ANNOTATION_FIELD,
    ],
  ];
  for (const [value, field] of candidates) {
    const parsed =
      typeof value === 'string'
        ? parseDigestReference(value.trim())
        : undefined;
    if (parsed) return { reference: parsed.reference, field };
  }
  return undefined;
}

function describeUnpinned(image: any): string {
  const registry = image?.spec?.source?.registry?.image;
  const annotation =
    image?.metadata?.annotations?.[FLEET_ANNOTATIONS.nodeImageRef];
  const shown = (value: unknown) =>
    typeof value === 'string' ? JSON.stringify(value) : 'nothing';
  return `${REGISTRY_FIELD} has ${shown(registry)} and ${ANNOTATION_FIELD} ${
    annotation === undefined
      ? 'is not set'
      : `has ${shown(annotation)}, not repo@sha256:<digest>`
  }`;
}

/**
 * The image reference of the VMs, from the VMImage they boot (`images/<namespace>/<image>.yaml`
 * of the checkout). A given `imageReference` must be the one the VMImage pins; it is taken as
 * given only when the repo holds no such VMImage. Every refusal happens before anything is written.
 */
export function resolveImageReference(
  input: VmInput,
  repo: RepoReader,
): ResolvedImageReference {
  const path = imagePath(input.namespace, input.image);
  const text = repo.read(path);
  if (text === undefined) {
    if (input.imageReference !== undefined)
      return {
        reference: input.imageReference,
        source: 'input imageReference',
      };
    throw fieldError(
      'image',
      `VMImage ${input.image} is not in the GitOps repo (looked for ${path}), so the digest its VMs boot cannot be read; ${REGISTER_HINT}, or pick an image registered in namespace ${input.namespace}`,
    );
  }
  const image = readVmImage(input, path, text);
  const pinned = pinnedReference(image);
  if (!pinned) {
    throw fieldError(
      'image',
      `VMImage ${input.image} (${path}) pins no digest: ${describeUnpinned(
        image,
      )}. Tags can move, so nodes cannot record what they boot; ${REGISTER_HINT} (under a new name), and pick that one`,
    );
  }
  if (
    input.imageReference !== undefined &&
    input.imageReference !== pinned.reference
  ) {
    throw fieldError(
      'imageReference',
      `must be the reference VMImage ${input.image} pins: ${input.imageReference} was given, ${path} ${pinned.field} has ${pinned.reference}; leave imageReference out to use the VMImage's`,
    );
  }
  return { reference: pinned.reference, source: `${path} ${pinned.field}` };
}
