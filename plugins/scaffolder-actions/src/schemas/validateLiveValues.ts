import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { InputError } from '@backstage/errors';
import { formatSchemaErrors } from './validateManifest';

const KUBERNETES_ONLY_FORMATS = ['uint32', 'byte', 'int-or-string', 'quantity'];

function configure<T extends Ajv>(ajv: T): T {
  addFormats(ajv);
  for (const format of KUBERNETES_ONLY_FORMATS) ajv.addFormat(format, true);
  return ajv;
}

/** Charts declare their draft in `$schema`: 2020-12 (k0rdent's) or draft-07 (older charts). */
const ajv2020 = configure(new Ajv2020({ strict: false, allErrors: true }));
const ajv07 = configure(new Ajv({ strict: false, allErrors: true }));

/** Compiled live schemas by their text: templates share charts, and schemas rarely change. */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 50;

/** Compiles a values schema read from the fleet; throws (an Error, not the user's) when it cannot. */
export function compileValuesSchema(
  schema: Record<string, unknown>,
): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    const draft = String(schema.$schema ?? '');
    const known = draft === '' || /2020-12|draft-07/.test(draft);
    validate = (draft.includes('2020-12') ? ajv2020 : ajv07).compile(
      known ? schema : { ...schema, $schema: undefined },
    );
    if (compiled.size >= MAX_COMPILED)
      compiled.delete(compiled.keys().next().value!);
    compiled.set(key, validate);
  }
  return validate;
}

/** Checks `config` against a compiled live values schema; each violation names its field. */
export function assertValidLiveValues(
  validate: ValidateFunction,
  config: unknown,
  source: string,
): void {
  if (!validate(config)) {
    throw new InputError(
      `the live values schema of ${source} rejects config: ${formatSchemaErrors(
        validate.errors ?? [],
        'config',
      )}`,
    );
  }
}
