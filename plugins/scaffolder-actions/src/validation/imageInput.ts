import {
  IMAGE_ARCHITECTURES,
  IMAGE_FORMATS,
  VMImageSpec,
} from '../manifests/vmImage';
import { optionalTargetPath } from './common';
import { fieldError } from './fieldError';
import { requireDigestReference } from './imageReference';
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
  return {
    name: requireDnsLabel(input.name, 'name'),
    namespace: requireNamespace(input.namespace),
    reference: requireDigestReference(input.image, 'image').reference,
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
