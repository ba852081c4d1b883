import { existsSync } from 'node:fs';
import Ajv from 'ajv';
import {
  SHARED_CRDS_DIR,
  upstreamChartSchema,
  upstreamCrd,
  UPSTREAM_CRD_FILES,
} from '../__testUtils__/sharedCrds';
import {
  CRD_KINDS,
  embeddedChartSchema,
  embeddedCrdSchema,
  SUPPORTED_CHARTS,
} from './embeddedSchemas';
import { openapiToJsonSchema } from './openapiToJsonSchema';
import { buildVMImage } from '../manifests/vmImage';
import { requestInfo } from '../manifests/metadata';
import { compileCrdSchema } from './validateManifest';

describe('embedded schemas', () => {
  it('finds shared/crds beside the repo', () => {
    if (!existsSync(SHARED_CRDS_DIR)) {
      throw new Error(
        `${SHARED_CRDS_DIR} is missing: shared/ must sit beside the repo (…/shared next to …/main)`,
      );
    }
    expect(existsSync(SHARED_CRDS_DIR)).toBe(true);
  });

  it.each([...CRD_KINDS])(
    '%s equals the upstream CRD storage version',
    kind => {
      const upstream = upstreamCrd(kind);
      const embedded = embeddedCrdSchema(kind);
      expect(embedded.source).toBe(UPSTREAM_CRD_FILES[kind]);
      expect(embedded.apiVersion).toBe(upstream.apiVersion);
      expect(embedded.openAPIV3Schema).toEqual(upstream.openAPIV3Schema);
    },
  );

  it.each([...SUPPORTED_CHARTS])(
    '%s chart values schema equals upstream',
    chart => {
      expect(embeddedChartSchema(chart)).toEqual(upstreamChartSchema(chart));
    },
  );

  it('a VMImage as Fleet Portal writes it validates against the upstream CRD as is', () => {
    const image = buildVMImage(
      {
        name: 'k',
        namespace: 'n',
        reference: `quay.io/kairos/ubuntu@sha256:${'a'.repeat(64)}`,
        registryImage: 'quay.io/kairos/ubuntu:v3.2.1',
        format: 'qcow2',
        architecture: 'amd64',
      },
      requestInfo(),
    );
    const validate = compileCrdSchema(upstreamCrd('VMImage').openAPIV3Schema);
    expect(validate(image)).toBe(true);
  });
});

describe('openapiToJsonSchema', () => {
  const ajv = new Ajv({ strict: false });

  it('maps nullable, int-or-string and drops x-kubernetes-* keys (not property names)', () => {
    const converted = openapiToJsonSchema({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      properties: {
        ttl: { type: 'integer', nullable: true },
        port: {
          'x-kubernetes-int-or-string': true,
          anyOf: [{ type: 'integer' }, { type: 'string' }],
        },
        'x-kubernetes-name': { type: 'string', enum: ['a'], nullable: true },
        list: {
          type: 'array',
          items: { type: 'string', nullable: true },
          'x-kubernetes-list-type': 'atomic',
        },
      },
    });
    expect(converted).toEqual({
      type: 'object',
      properties: {
        ttl: { type: ['integer', 'null'] },
        port: {
          type: ['integer', 'string'],
          anyOf: [{ type: 'integer' }, { type: 'string' }],
        },
        'x-kubernetes-name': { type: ['string', 'null'], enum: ['a', null] },
        list: { type: 'array', items: { type: ['string', 'null'] } },
      },
    });
    const validate = ajv.compile(converted);
    expect(
      validate({
        ttl: null,
        port: 'http',
        'x-kubernetes-name': null,
        list: [null, 'x'],
      }),
    ).toBe(true);
    expect(validate({ ttl: 'x' })).toBe(false);
    expect(validate({ port: 1.5 })).toBe(false);
  });
});
