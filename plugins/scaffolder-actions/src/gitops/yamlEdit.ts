import { InputError } from '@backstage/errors';
import { Document, isScalar, parseDocument, Scalar } from 'yaml';
import {
  DOCUMENT_TO_STRING_OPTIONS,
  PARSE_OPTIONS,
  toYamlScalar,
} from '@fleet-portal/plugin-fleet-node';

/**
 * Minimal edits of existing YAML files. A scalar that exists is replaced in the source text at
 * its exact byte range (keeping its quoting style), so comments, key order, indentation and every
 * other byte stay as they were; only a missing key falls back to the Document API.
 */

export function parseYamlFile(text: string, path: string): Document.Parsed {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) {
    throw new InputError(
      `${path} in the GitOps repo is not valid YAML: ${doc.errors[0].message}`,
    );
  }
  return doc;
}

function renderScalar(value: string | number, style: Scalar['type']): string {
  if (typeof value === 'string' && style === 'QUOTE_DOUBLE')
    return JSON.stringify(value);
  if (typeof value === 'string' && style === 'QUOTE_SINGLE')
    return `'${value.replace(/'/g, "''")}'`;
  return toYamlScalar(value);
}

export function setScalar(
  text: string,
  path: string,
  keys: string[],
  value: string | number,
): string {
  const doc = parseYamlFile(text, path);
  const node = doc.getIn(keys, true);
  let edited: string;
  if (node === undefined) {
    doc.setIn(keys, value);
    edited = doc.toString(DOCUMENT_TO_STRING_OPTIONS);
  } else if (isScalar(node) && node.range) {
    const [start, end] = node.range;
    edited =
      text.slice(0, start) + renderScalar(value, node.type) + text.slice(end);
  } else {
    throw new InputError(`${path}: ${keys.join('.')} is not a single value`);
  }
  if (parseDocument(edited, PARSE_OPTIONS).getIn(keys) !== value) {
    throw new Error(
      `editing ${keys.join('.')} in ${path} did not read back as ${value}`,
    );
  }
  return edited;
}

export function getValue(doc: Document.Parsed, keys: string[]): unknown {
  return doc.getIn(keys);
}
