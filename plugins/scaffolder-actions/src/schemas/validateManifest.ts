import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { InputError } from '@backstage/errors';
import { KubeObject } from '../manifests/types';
import { openapiToJsonSchema } from './openapiToJsonSchema';
import {
  CRD_KINDS,
  CrdKind,
  embeddedChartSchema,
  embeddedCrdSchema,
  SupportedChart,
} from './embeddedSchemas';

/** Formats Kubernetes uses that ajv-formats does not know; their bounds are in min/max anyway. */
const KUBERNETES_ONLY_FORMATS = ['uint32', 'byte', 'int-or-string', 'quantity'];

function configure<T extends Ajv>(ajv: T): T {
  addFormats(ajv);
  for (const format of KUBERNETES_ONLY_FORMATS) ajv.addFormat(format, true);
  return ajv;
}

const crdAjv = configure(new Ajv({ strict: false, allErrors: true }));
const chartAjv = configure(new Ajv2020({ strict: false, allErrors: true }));

const crdValidators = new Map<string, ValidateFunction>();
const chartValidators = new Map<string, ValidateFunction>();

/** Compiles a CRD's converted openAPIV3Schema (the embedded one unless another is given). */
export function compileCrdSchema(
  openAPIV3Schema: Record<string, unknown>,
): ValidateFunction {
  return crdAjv.compile(openapiToJsonSchema(openAPIV3Schema));
}

function crdValidator(kind: CrdKind): ValidateFunction {
  let validate = crdValidators.get(kind);
  if (!validate) {
    validate = compileCrdSchema(embeddedCrdSchema(kind).openAPIV3Schema);
    crdValidators.set(kind, validate);
  }
  return validate;
}

/** The schema errors of an object; `[]` when it is valid. */
export function crdSchemaErrors(
  object: KubeObject,
  validate: ValidateFunction,
): ErrorObject[] {
  const check: (data: unknown) => boolean = validate;
  return check(object) ? [] : validate.errors ?? [];
}

export function formatSchemaErrors(
  errors: ErrorObject[],
  root: string,
): string {
  return errors
    .map(error => {
      const path = error.instancePath.split('/').slice(1).join('.');
      const field = [root, path].filter(Boolean).join('.');
      const missing = (error.params as { missingProperty?: string })
        .missingProperty;
      const extra = (error.params as { additionalProperty?: string })
        .additionalProperty;
      const child = missing ?? extra;
      const at = child ? `${field}.${child}` : field;
      return `${at}: ${error.message}`;
    })
    .join('; ');
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkSecret(object: KubeObject): string[] {
  const problems: string[] = [];
  if (object.apiVersion !== 'v1') problems.push('apiVersion: must be v1');
  const stringData = object.stringData as Record<string, unknown> | undefined;
  if (!stringData || typeof stringData !== 'object')
    problems.push('stringData: must be an object');
  else if (Object.values(stringData).some(value => typeof value !== 'string')) {
    problems.push('stringData: values must be strings');
  }
  return problems;
}

/**
 * Checks a generated object against the CRD schema embedded in the package (and the metadata
 * rules every object shares). A failure is a builder bug, so it is an Error, not an InputError.
 */
export function assertValidManifest(object: KubeObject): void {
  const problems: string[] = [];
  const { metadata } = object;
  for (const [key, value] of Object.entries(metadata.labels)) {
    if (!LABEL_VALUE.test(value) || value.length > 63)
      problems.push(`metadata.labels.${key}: invalid label value`);
  }
  if ((CRD_KINDS as readonly string[]).includes(object.kind)) {
    const kind = object.kind as CrdKind;
    const expected = embeddedCrdSchema(kind).apiVersion;
    if (object.apiVersion !== expected)
      problems.push(`apiVersion: must be ${expected}`);
    const errors = crdSchemaErrors(object, crdValidator(kind));
    if (errors.length > 0) problems.push(formatSchemaErrors(errors, ''));
  } else if (object.kind === 'Secret') {
    problems.push(...checkSecret(object));
  } else {
    problems.push(`kind: ${object.kind} has no schema in this package`);
  }
  if (problems.length > 0) {
    throw new Error(
      `generated ${object.kind} ${metadata.namespace}/${
        metadata.name
      } is invalid (builder bug): ${problems.join('; ')}`,
    );
  }
}

/** Validates `spec.config` against the chart's values schema; violations are the user's input. */
export function assertValidChartValues(
  chart: SupportedChart,
  config: unknown,
): void {
  let validate = chartValidators.get(chart);
  if (!validate) {
    validate = chartAjv.compile(embeddedChartSchema(chart));
    chartValidators.set(chart, validate);
  }
  if (!validate(config)) {
    throw new InputError(
      `the ${chart} chart's values schema rejects spec.config: ${formatSchemaErrors(
        validate.errors ?? [],
        'spec.config',
      )}`,
    );
  }
}
