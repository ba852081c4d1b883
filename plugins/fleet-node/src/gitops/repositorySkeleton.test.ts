import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { execFileSync } from 'node:child_process';
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
import { parse, parseAllDocuments } from 'yaml';
import { PARSE_OPTIONS } from '../yaml';
import { FileMap } from './fileMap';
import { inventoryId, ManifestObject } from './fluxBuild';
import { GITOPS_AREAS, isManifestFileName, KUSTOMIZATION_FILE } from './layout';
import { repositorySkeletonFiles } from './repositorySkeleton';

/** `<repo>/../shared/crds` (as the other packages' tests find it), or FLEET_CRDS_DIR. */
const CRDS_DIR = resolve(
  process.env.FLEET_CRDS_DIR ?? resolve(__dirname, '../../../../../shared/crds'),
);
const FLUX_CRDS = [
  'flux/source.toolkit.fluxcd.io_gitrepositories.yaml',
  'flux/kustomize.toolkit.fluxcd.io_kustomizations.yaml',
];

const OPTIONS = {
  sourceUrl: 'ssh://git@git.example.com/platform/fleet-gitops.git',
  defaultBranch: 'main',
};

function kubectlKustomize(dir: string): ManifestObject[] {
  let out: string;
  try {
    out = execFileSync('kubectl', ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        "kubectl is not installed: install Debian's kubernetes-client package (or run scripts/ensure-kubectl.sh)",
      );
    throw new Error(
      `kubectl kustomize ${dir} failed: ${(error as { stderr?: string }).stderr}`,
    );
  }
  return parseAllDocuments(out, PARSE_OPTIONS).map(
    doc => doc.toJS() as ManifestObject,
  );
}

function writeFiles(dir: string, files: FileMap): void {
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/**
 * Kubernetes structural OpenAPI → JSON Schema: `nullable` adds null, `x-kubernetes-int-or-string`
 * becomes integer|string. Object schemas that list their properties are closed (the API server
 * would prune an unknown field silently, so a misspelt one must fail here).
 */
function toJsonSchema(schema: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable') continue;
    if (['properties', 'patternProperties'].includes(key))
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [
          name,
          toJsonSchema(child as Record<string, any>),
        ]),
      );
    else if (['allOf', 'anyOf', 'oneOf'].includes(key))
      out[key] = (value as Record<string, any>[]).map(toJsonSchema);
    else if (
      ['items', 'additionalProperties', 'not'].includes(key) &&
      typeof value === 'object'
    )
      out[key] = toJsonSchema(value);
    else out[key] = value;
  }
  if (schema['x-kubernetes-int-or-string'] === true)
    out.type = ['integer', 'string'];
  if (schema.nullable === true && typeof out.type === 'string')
    out.type = [out.type, 'null'];
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    schema['x-kubernetes-preserve-unknown-fields'] !== true
  )
    out.additionalProperties = false;
  return out;
}

/** Validators of the upstream Flux CRDs by `apiVersion|kind`, every served version. */
function fluxValidators(): Map<string, ValidateFunction> {
  if (!existsSync(CRDS_DIR))
    throw new Error(
      `upstream CRDs not found at ${CRDS_DIR}: shared/ must sit beside the repo (…/shared next to …/main), or set FLEET_CRDS_DIR`,
    );
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  for (const file of FLUX_CRDS) {
    const crd = parse(readFileSync(join(CRDS_DIR, file), 'utf8'));
    for (const version of crd.spec.versions) {
      const schema = toJsonSchema(version.schema.openAPIV3Schema);
      schema.properties.metadata = { type: 'object' };
      validators.set(
        `${crd.spec.group}/${version.name}|${crd.spec.names.kind}`,
        ajv.compile(schema),
      );
    }
  }
  return validators;
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
    const validators = fluxValidators();
    const errors = fluxObjects().flatMap(object => {
      const validate = validators.get(`${object.apiVersion}|${object.kind}`);
      if (!validate) return [`${inventoryId(object)}: no upstream CRD`];
      return validate(object)
        ? []
        : (validate.errors ?? []).map(
            e =>
              `${inventoryId(object)} ${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`,
          );
    });
    expect(errors).toEqual([]);
  });

  it('rejects a misspelt field through the same validators', () => {
    const validators = fluxValidators();
    const [area] = fluxObjects().filter(o => o.metadata.name === 'fleet-vms');
    const validate = validators.get(`${area.apiVersion}|${area.kind}`)!;
    expect(validate(area)).toBe(true);
    const spec = area.spec as Record<string, unknown>;
    expect(validate({ ...area, spec: { ...spec, prunne: true } })).toBe(false);
    expect(validate({ ...area, spec: { ...spec, interval: 10 } })).toBe(false);
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
      .filter(p => p.startsWith('flux-system/') && !p.endsWith(KUSTOMIZATION_FILE))
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
