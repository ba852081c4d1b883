import { kubectlKustomize } from '../testUtils';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { FileMap } from './fileMap';
import { inventoryId, ManifestObject } from './fluxBuild';
import { GITOPS_AREAS, isManifestFileName, KUSTOMIZATION_FILE } from './layout';
import { repositorySkeletonFiles } from './repositorySkeleton';

/** `<repo>/../shared/crds` (as the other packages' tests find it), or FLEET_CRDS_DIR. */
const CRDS_DIR = resolve(
  process.env.FLEET_CRDS_DIR ??
    resolve(__dirname, '../../../../../shared/crds'),
);
const FLUX_CRDS = [
  'flux/source.toolkit.fluxcd.io_gitrepositories.yaml',
  'flux/kustomize.toolkit.fluxcd.io_kustomizations.yaml',
];

const OPTIONS = {
  sourceUrl: 'ssh://git@git.example.com/platform/fleet-gitops.git',
  defaultBranch: 'main',
};

function writeFiles(dir: string, files: FileMap): void {
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

type Schema = Record<string, any>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/**
 * The errors of a value against a CRD's structural OpenAPI v3 schema: type (`nullable` admits
 * null, `x-kubernetes-int-or-string` an integer or a string), enum, pattern, lengths, bounds,
 * required, items. An object schema listing its properties rejects others unless it preserves
 * unknown fields: the API server would prune a misspelt field silently. Written here, not taken
 * from ajv, because ajv is no dependency of this package; the CEL rules
 * (`x-kubernetes-validations`) and formats are the API server's to check.
 */
function schemaErrors(schema: Schema, value: unknown, at = ''): string[] {
  if (value === null && schema.nullable === true) return [];
  const actual = typeOf(value);
  const allowed: string[] =
    schema['x-kubernetes-int-or-string'] === true
      ? ['integer', 'string']
      : [schema.type].filter(Boolean);
  const fits = (type: string) =>
    type === actual || (type === 'number' && actual === 'integer');
  if (allowed.length > 0 && !allowed.some(fits))
    return [`${at || '/'}: must be ${allowed.join(' or ')}, is ${actual}`];
  const errors: string[] = [];
  if (schema.enum && !schema.enum.includes(value))
    errors.push(`${at}: must be one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      errors.push(`${at}: must match ${schema.pattern}`);
    if (value.length < (schema.minLength ?? 0))
      errors.push(`${at}: shorter than ${schema.minLength}`);
    if (value.length > (schema.maxLength ?? Infinity))
      errors.push(`${at}: longer than ${schema.maxLength}`);
  }
  if (typeof value === 'number') {
    if (value < (schema.minimum ?? -Infinity))
      errors.push(`${at}: below ${schema.minimum}`);
    if (value > (schema.maximum ?? Infinity))
      errors.push(`${at}: above ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((item, i) =>
      errors.push(...schemaErrors(schema.items, item, `${at}/${i}`)),
    );
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? [])
      if (!(key in object)) errors.push(`${at}/${key}: required`);
    for (const [key, child] of Object.entries(object)) {
      const property = schema.properties?.[key];
      if (property)
        errors.push(...schemaErrors(property, child, `${at}/${key}`));
      else if (typeof schema.additionalProperties === 'object')
        errors.push(
          ...schemaErrors(schema.additionalProperties, child, `${at}/${key}`),
        );
      else if (
        schema.properties &&
        schema.additionalProperties !== true &&
        schema['x-kubernetes-preserve-unknown-fields'] !== true
      )
        errors.push(`${at}/${key}: not a field of the CRD`);
    }
  }
  return errors;
}

/** The openAPIV3Schema of every version of the upstream Flux CRDs, by `apiVersion|kind`. */
function fluxSchemas(): Map<string, Schema> {
  if (!existsSync(CRDS_DIR))
    throw new Error(
      `upstream CRDs not found at ${CRDS_DIR}: shared/ must sit beside the repo (…/shared next to …/main), or set FLEET_CRDS_DIR`,
    );
  const schemas = new Map<string, Schema>();
  for (const file of FLUX_CRDS) {
    const crd = parse(readFileSync(join(CRDS_DIR, file), 'utf8'));
    for (const version of crd.spec.versions)
      schemas.set(
        `${crd.spec.group}/${version.name}|${crd.spec.names.kind}`,
        version.schema.openAPIV3Schema,
      );
  }
  return schemas;
}

describe('repositorySkeletonFiles', () => {
  const files = repositorySkeletonFiles(OPTIONS);
  const fluxObjects = kubectlBuildOnce();

  function kubectlBuildOnce(): () => ManifestObject[] {
    let built: ManifestObject[] | undefined;
    return () => {
      if (!built) {
        const dir = mkdtempSync(join(tmpdir(), 'fleet-skeleton-build-'));
        try {
          writeFiles(dir, files);
          built = kubectlKustomize(dir);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      return built;
    };
  }

  it('builds with kubectl kustomize from the root: the GitRepository and one Kustomization per area', () => {
    expect(fluxObjects().map(inventoryId).sort()).toEqual(
      [
        'flux-system_flux-system_source.toolkit.fluxcd.io_GitRepository',
        'flux-system_flux-system_kustomize.toolkit.fluxcd.io_Kustomization',
        ...GITOPS_AREAS.map(
          area =>
            `flux-system_${area.kustomization}_kustomize.toolkit.fluxcd.io_Kustomization`,
        ),
      ].sort(),
    );
  });

  it('writes every Flux object valid against the upstream Flux CRDs', () => {
    const schemas = fluxSchemas();
    const errors = fluxObjects().flatMap(object => {
      const schema = schemas.get(`${object.apiVersion}|${object.kind}`);
      if (!schema) return [`${inventoryId(object)}: no upstream CRD`];
      return schemaErrors(schema, object).map(
        e => `${inventoryId(object)} ${e}`,
      );
    });
    expect(errors).toEqual([]);
  });

  it('rejects a misspelt field, a wrong type and a bad pattern through the same check', () => {
    const schemas = fluxSchemas();
    const [area] = fluxObjects().filter(o => o.metadata.name === 'fleet-vms');
    const schema = schemas.get(`${area.apiVersion}|${area.kind}`)!;
    const spec = area.spec as Record<string, unknown>;
    expect(schemaErrors(schema, area)).toEqual([]);
    expect(
      schemaErrors(schema, { ...area, spec: { ...spec, prunne: true } }),
    ).toEqual(['/spec/prunne: not a field of the CRD']);
    expect(
      schemaErrors(schema, { ...area, spec: { ...spec, prune: 'yes' } }),
    ).toEqual(['/spec/prune: must be boolean, is string']);
    expect(
      schemaErrors(schema, {
        ...area,
        spec: { ...spec, interval: '10 minutes' },
      }),
    ).toHaveLength(1);
    const { sourceRef: _dropped, ...noSource } = spec;
    expect(schemaErrors(schema, { ...area, spec: noSource })).toEqual([
      '/spec/sourceRef: required',
    ]);
  });

  it('syncs the configured URL and branch, and points each area Kustomization at its folder', () => {
    const objects = fluxObjects();
    const source = objects.find(o => o.kind === 'GitRepository')!;
    expect(source.spec).toMatchObject({
      url: OPTIONS.sourceUrl,
      ref: { branch: OPTIONS.defaultBranch },
    });
    const byName = new Map(
      objects
        .filter(o => o.kind === 'Kustomization')
        .map(o => [o.metadata.name, o.spec as Record<string, any>]),
    );
    expect(byName.get('flux-system')).toMatchObject({
      path: './',
      sourceRef: { kind: 'GitRepository', name: source.metadata.name },
    });
    for (const area of GITOPS_AREAS) {
      const spec = byName.get(area.kustomization)!;
      expect(spec).toMatchObject({
        path: `./${area.name}`,
        prune: true,
        sourceRef: { kind: 'GitRepository', name: source.metadata.name },
      });
      expect((spec.dependsOn ?? []).map((d: any) => d.name)).toEqual(
        area.dependsOn,
      );
      for (const dependency of area.dependsOn)
        expect(byName.has(dependency)).toBe(true);
      expect(spec.kubeConfig !== undefined).toBe(area.target === 'dns');
      // Flux fails a Kustomization whose path is missing, so each folder must exist, and it must
      // hold no kustomization.yaml nor manifest, so requests add files without editing a list.
      const below = [...files.keys()].filter(p =>
        p.startsWith(`${area.name}/`),
      );
      expect(below).toEqual([`${area.name}/README.md`]);
      expect(below.some(p => isManifestFileName(p.split('/').pop()!))).toBe(
        false,
      );
    }
  });

  it('lists every flux-system file in its kustomization, and only flux-system at the root', () => {
    const fluxFiles = [...files.keys()]
      .filter(
        p => p.startsWith('flux-system/') && !p.endsWith(KUSTOMIZATION_FILE),
      )
      .map(p => p.slice('flux-system/'.length))
      .sort();
    expect(
      parse(files.get(`flux-system/${KUSTOMIZATION_FILE}`)!.toString())
        .resources,
    ).toEqual(fluxFiles);
    expect(parse(files.get(KUSTOMIZATION_FILE)!.toString()).resources).toEqual([
      'flux-system',
    ]);
  });

  it('is deterministic', () => {
    const again = repositorySkeletonFiles(OPTIONS);
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, content] of files)
      expect({ path, same: again.get(path)!.equals(content) }).toEqual({
        path,
        same: true,
      });
  });
});
