/** Validators of the upstream CRDs and chart values schemas in shared/crds, for tests that check manifests. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import type { KubeObject } from './types';

/** The upstream CRD snapshots: `<repo>/../shared/crds`, or FLEET_CRDS_DIR. */
export const CRDS_DIR = resolve(
  process.env.FLEET_CRDS_DIR ??
    resolve(
      dirname(require.resolve('@internal/fleet-simulator/package.json')),
      '../../../shared/crds',
    ),
);

/** Upstream CRDs the shared snapshots leave out (K0smotronControlPlane), copied the same way. */
export const PACKAGE_CRDS_DIR = resolve(
  dirname(require.resolve('@internal/fleet-simulator/package.json')),
  'crds',
);

type Schema = Record<string, any>;

const MAP_KEYWORDS = [
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
];
const LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_KEYWORDS = ['items', 'additionalProperties', 'not'];

/**
 * Kubernetes structural OpenAPI → JSON Schema: `nullable` adds null, `x-kubernetes-int-or-string`
 * becomes integer|string, other `x-kubernetes-*` keys go. With `closed`, an object schema that
 * lists its properties rejects others (the API server would prune them silently) unless it
 * preserves unknown fields.
 */
export function toJsonSchema(
  schema: Schema,
  closed: boolean,
  root = true,
): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable') continue;
    if (MAP_KEYWORDS.includes(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [
          name,
          toJsonSchema(child as Schema, closed, false),
        ]),
      );
    } else if (LIST_KEYWORDS.includes(key) && Array.isArray(value)) {
      out[key] = value.map(v => toJsonSchema(v, closed, false));
    } else if (
      SCHEMA_KEYWORDS.includes(key) &&
      value &&
      typeof value === 'object'
    ) {
      out[key] = toJsonSchema(value as Schema, closed, false);
    } else {
      out[key] = value;
    }
  }
  if (schema['x-kubernetes-int-or-string'] === true)
    out.type = ['integer', 'string'];
  if (schema.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  if (root) {
    out.properties = {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      ...out.properties,
    };
  }
  if (
    closed &&
    out.properties &&
    out.additionalProperties === undefined &&
    schema['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    out.additionalProperties = false;
  }
  return out;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

function configure<T extends Ajv>(ajv: T): T {
  addFormats(ajv);
  ajv.addFormat('int32', {
    type: 'number',
    validate: n => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('int64', {
    type: 'number',
    validate: n => Number.isInteger(n),
  });
  ajv.addFormat('uint32', {
    type: 'number',
    validate: n => Number.isInteger(n) && n >= 0 && n < 2 ** 32,
  });
  ajv.addFormat('int-or-string', true);
  ajv.addFormat('quantity', true);
  return ajv;
}

export interface CrdValidators {
  /** Validator by `apiVersion|kind`. */
  validator(apiVersion: string, kind: string): ValidateFunction | undefined;
  kinds(): string[];
}

/** Compiles the openAPIV3Schema of every version of every CRD under CRDS_DIR and PACKAGE_CRDS_DIR. */
export function loadCrdValidators(closed = true): CrdValidators {
  if (!existsSync(CRDS_DIR)) {
    throw new Error(
      `CRD snapshots not found at ${CRDS_DIR} (set FLEET_CRDS_DIR)`,
    );
  }
  const ajv = configure(new Ajv({ strict: false, allErrors: true }));
  const validators = new Map<string, ValidateFunction>();
  const files = [CRDS_DIR, PACKAGE_CRDS_DIR].flatMap(dir =>
    existsSync(dir) ? yamlFiles(dir) : [],
  );
  for (const file of files) {
    const crd = parse(readFileSync(file, 'utf8'));
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    for (const version of crd.spec.versions) {
      const schema = version.schema?.openAPIV3Schema;
      if (!schema) continue;
      validators.set(
        `${crd.spec.group}/${version.name}|${crd.spec.names.kind}`,
        ajv.compile(toJsonSchema(schema, closed)),
      );
    }
  }
  return {
    validator: (apiVersion, kind) => validators.get(`${apiVersion}|${kind}`),
    kinds: () => [...validators.keys()],
  };
}

/** A k0rdent chart's values schema (draft 2020-12), e.g. `vsphere-standalone-cp`. */
export function loadChartValidator(chart: string): ValidateFunction {
  const file = join(
    CRDS_DIR,
    'k0rdent/template-values',
    `${chart}.values.schema.json`,
  );
  const ajv = configure(new Ajv2020({ strict: false, allErrors: true }));
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
}

export function describeErrors(
  object: KubeObject,
  errors: ErrorObject[] | null | undefined,
): string[] {
  return (errors ?? []).map(e => {
    const extra = (e.params as { additionalProperty?: string })
      .additionalProperty;
    return `${object.kind} ${object.metadata.namespace ?? ''}/${
      object.metadata.name
    } ${e.instancePath}${extra ? `/${extra}` : ''}: ${e.message}`;
  });
}
