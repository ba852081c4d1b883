import { stringify } from 'yaml';

/**
 * The one place manifests become YAML text. Keys are ordered canonically (Kubernetes' usual
 * `apiVersion, kind, metadata, spec` first, the rest alphabetically), so the same objects always
 * give the same bytes whatever order a builder inserted keys in. Objects are never aliased and long
 * strings are never folded; the `yaml` library quotes any string that would otherwise read back
 * as something else (`key: value`, `#`, `---`, `&a`, `*a`, numbers, booleans).
 *
 * Strings are quoted by YAML 1.1 rules as well: Kubernetes tooling written in Go (sigs.k8s.io/yaml)
 * reads YAML 1.1, where a plain `On`, `yes` or `12:30` is a boolean or a number. So `powerState: On`
 * is written `powerState: "On"`. Existing files are parsed with the same version.
 */

/** The YAML version files are written and read with. */
export const YAML_VERSION = '1.1' as const;

const LEADING_KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'namespace'];

function compareKeys(a: string, b: string): number {
  const ia = LEADING_KEYS.indexOf(a);
  const ib = LEADING_KEYS.indexOf(b);
  if (ia !== -1 || ib !== -1) {
    if (ia === -1) return 1;
    if (ib === -1) return -1;
    return ia - ib;
  }
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** A deep copy with every object's keys in canonical order. */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) out[key] = canonicalize(child);
    }
    return out;
  }
  return value;
}

const STRINGIFY_OPTIONS = {
  version: YAML_VERSION,
  aliasDuplicateObjects: false,
  lineWidth: 0,
  minContentWidth: 0,
  indentSeq: true,
} as const;

/** One YAML document, canonical key order. */
export function toYaml(value: unknown): string {
  return stringify(canonicalize(value), STRINGIFY_OPTIONS);
}

/** Several documents in one file, separated by `---`. */
export function toYamlDocuments(values: unknown[]): string {
  return values.map(toYaml).join('---\n');
}

/** One scalar as `toYaml` would write it (no trailing newline). */
export function toYamlScalar(value: string | number | boolean): string {
  return stringify(value, STRINGIFY_OPTIONS).trimEnd();
}

/** Parse options for existing files, matching what `toYaml` writes. */
export const PARSE_OPTIONS = { version: YAML_VERSION } as const;

/** Options to pass to `Document#toString` so edited files keep the style `toYaml` writes. */
export const DOCUMENT_TO_STRING_OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  indentSeq: true,
} as const;
