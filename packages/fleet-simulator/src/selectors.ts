/**
 * Kubernetes label and field selectors, as the API server parses them from the `labelSelector`
 * and `fieldSelector` query parameters.
 */

export type LabelRequirement =
  | { key: string; op: 'in'; values: string[] }
  | { key: string; op: 'notin'; values: string[] }
  | { key: string; op: 'exists' }
  | { key: string; op: '!exists' };

export class SelectorError extends Error {}

// A label key: optional DNS-subdomain prefix and a name of up to 63 characters.
const KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new SelectorError(`invalid label key "${key}"`);
  return key;
}

function checkValue(value: string): string {
  if (!VALUE.test(value))
    throw new SelectorError(`invalid label value "${value}"`);
  return value;
}

/** Splits on commas that are not inside parentheses. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw new SelectorError('unbalanced parentheses');
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0) throw new SelectorError('unbalanced parentheses');
  terms.push(current);
  return terms.map(t => t.trim());
}

/** Parses a label selector; an empty text selects everything. Throws SelectorError. */
export function parseLabelSelector(
  text: string | undefined | null,
): LabelRequirement[] {
  if (!text || !text.trim()) return [];
  return splitTerms(text).map(term => {
    if (!term) throw new SelectorError('empty term');
    let m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(term);
    if (m) {
      if (!m[3].trim())
        throw new SelectorError(`"${m[2]}" needs at least one value`);
      const values = m[3].split(',').map(v => checkValue(v.trim()));
      return { key: checkKey(m[1]), op: m[2] as 'in' | 'notin', values };
    }
    m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
    if (m) {
      const value = checkValue(m[3]);
      return m[2] === '!='
        ? { key: checkKey(m[1]), op: 'notin', values: [value] }
        : { key: checkKey(m[1]), op: 'in', values: [value] };
    }
    m = /^!\s*(\S+)$/.exec(term);
    if (m) return { key: checkKey(m[1]), op: '!exists' };
    if (/^\S+$/.test(term)) return { key: checkKey(term), op: 'exists' };
    throw new SelectorError(`cannot parse "${term}"`);
  });
}

export function matchesLabels(
  requirements: LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  return requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case '!exists':
        return !has;
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      default:
        return false;
    }
  });
}

export interface FieldRequirement {
  field: 'metadata.name' | 'metadata.namespace';
  op: '=' | '!=';
  value: string;
}

/** Parses a field selector on metadata.name / metadata.namespace. Throws SelectorError. */
export function parseFieldSelector(
  text: string | undefined | null,
): FieldRequirement[] {
  if (!text || !text.trim()) return [];
  return text.split(',').map(term => {
    const m = /^\s*([a-zA-Z.]+)\s*(==|=|!=)\s*(\S*)\s*$/.exec(term);
    if (!m)
      throw new SelectorError(`cannot parse field selector term "${term}"`);
    if (m[1] !== 'metadata.name' && m[1] !== 'metadata.namespace') {
      throw new SelectorError(`field label not supported: ${m[1]}`);
    }
    return { field: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3] };
  });
}

export function matchesFields(
  requirements: FieldRequirement[],
  metadata: { name?: string; namespace?: string },
): boolean {
  return requirements.every(r => {
    const actual =
      (r.field === 'metadata.name' ? metadata.name : metadata.namespace) ?? '';
    return r.op === '=' ? actual === r.value : actual !== r.value;
  });
}
