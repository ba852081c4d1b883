import { InputError } from '@backstage/errors';
import { isMap, isScalar, isSeq, parseDocument, YAMLSeq } from 'yaml';
import {
  DOCUMENT_TO_STRING_OPTIONS,
  PARSE_OPTIONS,
  toYaml,
} from '../yaml/serialize';

export const KUSTOMIZATION_API_VERSION = 'kustomize.config.k8s.io/v1beta1';

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

export function newKustomizationText(resources: string[]): string {
  return toYaml({
    apiVersion: KUSTOMIZATION_API_VERSION,
    kind: 'Kustomization',
    resources: [...new Set(resources)].sort(compare),
  });
}

function parseKustomization(text: string, path: string) {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new InputError(
      `${path} in the GitOps repo is not a valid kustomization: ${
        doc.errors[0]?.message ?? 'not a mapping'
      }`,
    );
  }
  const resources = doc.get('resources', true);
  if (resources !== undefined && !isSeq(resources)) {
    throw new InputError(
      `${path} in the GitOps repo: resources must be a list`,
    );
  }
  return { doc, resources: resources as YAMLSeq | undefined };
}

function entryText(item: unknown): string | undefined {
  return isScalar(item) && typeof item.value === 'string'
    ? item.value
    : undefined;
}

/** Lists the resources of a kustomization text. */
export function kustomizationResources(text: string, path: string): string[] {
  const { resources } = parseKustomization(text, path);
  return (resources?.items ?? [])
    .map(entryText)
    .filter((e): e is string => e !== undefined);
}

/**
 * Adds entries to an existing kustomization, editing only the `resources` list: each missing entry
 * goes before the first existing entry that sorts after it; entries already listed are left alone.
 * Returns the text unchanged when nothing was missing.
 */
export function addKustomizationResources(
  text: string,
  path: string,
  entries: string[],
): string {
  const { doc, resources } = parseKustomization(text, path);
  const existing = new Set((resources?.items ?? []).map(entryText));
  const missing = [...new Set(entries)]
    .filter(entry => !existing.has(entry))
    .sort(compare);
  if (missing.length === 0) return text;
  if (!resources) {
    doc.set('resources', doc.createNode(missing));
    return doc.toString(DOCUMENT_TO_STRING_OPTIONS);
  }
  for (const entry of missing) {
    const index = resources.items.findIndex(item => {
      const value = entryText(item);
      return value !== undefined && compare(value, entry) > 0;
    });
    const node = doc.createNode(entry);
    if (index === -1) resources.items.push(node);
    else resources.items.splice(index, 0, node);
  }
  return doc.toString(DOCUMENT_TO_STRING_OPTIONS);
}

/** Removes one entry from a kustomization's resources; unchanged text when it was not listed. */
export function removeKustomizationResource(
  text: string,
  path: string,
  entry: string,
): string {
  const { doc, resources } = parseKustomization(text, path);
  if (!resources) return text;
  const index = resources.items.findIndex(item => entryText(item) === entry);
  if (index === -1) return text;
  resources.items.splice(index, 1);
  return doc.toString(DOCUMENT_TO_STRING_OPTIONS);
}
