import { parseAllDocuments, parseDocument } from 'yaml';
import { PARSE_OPTIONS } from '../yaml';
import { FileMap } from './fileMap';
import { isManifestFileName, KUSTOMIZATION_FILE } from './layout';

/** A Kubernetes object as read from a manifest. */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

export interface BuiltManifest {
  object: ManifestObject;
  /** Repository path of the file it came from. */
  path: string;
}

/** A path that does not build; the message reads as kustomize-controller's would. */
export class FluxBuildError extends Error {
  name = 'FluxBuildError';
}

/** Flux's inventory id of an object: `<namespace>_<name>_<group>_<kind>`. */
export function inventoryId(object: {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}): string {
  const slash = object.apiVersion.indexOf('/');
  const group = slash === -1 ? '' : object.apiVersion.slice(0, slash);
  return `${object.metadata.namespace ?? ''}_${object.metadata.name}_${group}_${
    object.kind
  }`;
}

function normalisePath(path: string): string {
  return path
    .replace(/^\.\/?/, '')
    .replace(/\/+$/, '')
    .replace(/^\/+/, '');
}

function join(folder: string, entry: string): string {
  const parts = [...(folder ? folder.split('/') : [])];
  for (const part of entry.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0)
        throw new FluxBuildError(
          `${entry} points outside the repository (from ${folder || '.'})`,
        );
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

function filesBelow(files: FileMap, folder: string): string[] {
  const prefix = folder ? `${folder}/` : '';
  return [...files.keys()].filter(p => p.startsWith(prefix)).sort();
}

function parseManifests(files: FileMap, path: string): BuiltManifest[] {
  const docs = parseAllDocuments(
    files.get(path)!.toString('utf8'),
    PARSE_OPTIONS,
  );
  const list = Array.isArray(docs) ? docs : [docs];
  const out: BuiltManifest[] = [];
  list.forEach((doc, index) => {
    if (doc.errors.length > 0)
      throw new FluxBuildError(`${path}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value === null || value === undefined) return;
    const where = list.length > 1 ? `${path} (document ${index + 1})` : path;
    if (typeof value !== 'object' || Array.isArray(value))
      throw new FluxBuildError(`${where}: not a Kubernetes object`);
    const missing = ['apiVersion', 'kind'].filter(
      key => typeof value[key] !== 'string' || value[key] === '',
    );
    if (typeof value.metadata?.name !== 'string' || !value.metadata.name)
      missing.push('metadata.name');
    if (missing.length > 0)
      throw new FluxBuildError(`${where}: missing ${missing.join(', ')}`);
    out.push({ object: value as ManifestObject, path });
  });
  return out;
}

function buildKustomization(files: FileMap, folder: string): BuiltManifest[] {
  const path = folder ? `${folder}/${KUSTOMIZATION_FILE}` : KUSTOMIZATION_FILE;
  const doc = parseDocument(files.get(path)!.toString('utf8'), PARSE_OPTIONS);
  if (doc.errors.length > 0)
    throw new FluxBuildError(`${path}: ${doc.errors[0].message}`);
  const value = doc.toJS() ?? {};
  const fields = Object.keys(value).filter(
    key => !['apiVersion', 'kind', 'resources'].includes(key),
  );
  if (fields.length === 0 && value.resources === undefined)
    throw new FluxBuildError(`${path}: kustomization.yaml is empty`);
  if (fields.length > 0)
    throw new FluxBuildError(
      `${path}: ${fields.join(
        ', ',
      )} is not used in Fleet Portal repositories (only resources lists are)`,
    );
  if (!Array.isArray(value.resources))
    throw new FluxBuildError(`${path}: resources must be a list`);
  return value.resources.flatMap((entry: unknown) => {
    if (typeof entry !== 'string')
      throw new FluxBuildError(`${path}: resources holds a non-string entry`);
    const target = join(folder, entry);
    if (files.has(target)) return parseManifests(files, target);
    if (files.has(`${target}/${KUSTOMIZATION_FILE}`))
      return buildKustomization(files, target);
    throw new FluxBuildError(
      `${path}: accumulating resources: ${entry} is neither a file nor a folder with a kustomization.yaml`,
    );
  });
}

function generate(files: FileMap, folder: string): BuiltManifest[] {
  const out: BuiltManifest[] = [];
  const units = new Set<string>();
  for (const path of filesBelow(files, folder)) {
    const rest = folder ? path.slice(folder.length + 1) : path;
    const parts = rest.split('/');
    // A sub-folder with its own kustomization.yaml is built as one unit, as the controller does.
    const unit = parts
      .slice(0, -1)
      .map((_, i) => join(folder, parts.slice(0, i + 1).join('/')))
      .find(sub => files.has(`${sub}/${KUSTOMIZATION_FILE}`));
    if (unit) {
      if (!units.has(unit)) {
        units.add(unit);
        out.push(...buildKustomization(files, unit));
      }
      continue;
    }
    if (isManifestFileName(parts[parts.length - 1]))
      out.push(...parseManifests(files, path));
  }
  return out;
}

/**
 * What kustomize-controller builds from `path` of a commit: the folder's `kustomization.yaml`
 * (resources lists only), or, when it has none, a generated one holding every manifest below it.
 * Throws a FluxBuildError (Flux reports `BuildFailed`) for a missing path, YAML that does not
 * parse, a document that is no Kubernetes object, or two objects with the same id.
 */
export function buildFluxPath(files: FileMap, path: string): BuiltManifest[] {
  const folder = normalisePath(path);
  const below = filesBelow(files, folder);
  if (below.length === 0)
    throw new FluxBuildError(
      `kustomization path not found: ${
        folder || '.'
      } does not exist in the revision`,
    );
  const built = files.has(
    folder ? `${folder}/${KUSTOMIZATION_FILE}` : KUSTOMIZATION_FILE,
  )
    ? buildKustomization(files, folder)
    : generate(files, folder);
  const seen = new Map<string, string>();
  for (const { object, path: from } of built) {
    const id = inventoryId(object);
    const first = seen.get(id);
    if (first)
      throw new FluxBuildError(
        `may not add resource with an already registered id: ${id} (in ${first} and ${from})`,
      );
    seen.set(id, from);
  }
  return built;
}
