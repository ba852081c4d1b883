import { parseDigestReference } from '../validation/imageReference';

/**
 * Places where Fleet Portal knowingly writes a value the upstream CRD schema rejects.
 *
 * VirtRigaud v0.3.11's VMImage CRD restricts `spec.source.registry.image` to
 * `^[a-zA-Z0-9._/-]+:[a-zA-Z0-9._-]+$`, which admits `repo:tag` but no `@`, so no digest
 * reference can pass it. Fleet Portal's rule is that images are pinned by digest (`repo@sha256:…`),
 * and the fleet backend reads the digest from this field. Until upstream widens the pattern, the
 * cluster's installed CRD must be patched to accept digests, or the API server rejects the object.
 * The test suite asserts this is still the only upstream error, so the entry can go when upstream
 * changes.
 */
export interface UpstreamDeviation {
  kind: string;
  instancePath: string;
  keyword: string;
  why: string;
  /** Our own, stricter check of the value upstream rejects. */
  accepts(value: unknown): boolean;
}

export const UPSTREAM_DEVIATIONS: UpstreamDeviation[] = [
  {
    kind: 'VMImage',
    instancePath: '/spec/source/registry/image',
    keyword: 'pattern',
    why: 'digest references (repo@sha256:…) do not match the upstream tag-only pattern',
    accepts: value =>
      typeof value === 'string' &&
      parseDigestReference(value)?.reference === value,
  },
];
