/**
 * Maps a Kubernetes structural OpenAPI v3 schema to plain JSON Schema so Ajv can check it:
 * `nullable: true` adds `null` to the type, `x-kubernetes-int-or-string: true` becomes
 * `type: [integer, string]`, and every other `x-kubernetes-*` key is dropped (CEL rules and list
 * semantics are enforced by the API server, not here).
 */

type JsonSchema = Record<string, unknown>;

const SCHEMA_MAP_KEYWORDS = [
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
];
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_KEYWORDS = ['items', 'additionalProperties', 'not', 'contains'];

function isObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function convertSchemaOrBoolean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convertSchemaOrBoolean);
  return isObject(value) ? openapiToJsonSchema(value) : value;
}

export function openapiToJsonSchema(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable') continue;
    if (SCHEMA_MAP_KEYWORDS.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [
          name,
          convertSchemaOrBoolean(child),
        ]),
      );
    } else if (SCHEMA_LIST_KEYWORDS.includes(key) && Array.isArray(value)) {
      out[key] = value.map(convertSchemaOrBoolean);
    } else if (SCHEMA_KEYWORDS.includes(key)) {
      out[key] = convertSchemaOrBoolean(value);
    } else {
      out[key] = value;
    }
  }
  if (schema['x-kubernetes-int-or-string'] === true) {
    out.type = ['integer', 'string'];
  }
  if (schema.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null'))
      out.type = [...out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null))
      out.enum = [...out.enum, null];
  }
  return out;
}
