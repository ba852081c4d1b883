import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse } from 'yaml';
import { ValidateFunction } from 'ajv';
import { KubeObject } from '../manifests/types';
import {
  compileCrdSchema,
  crdSchemaErrors,
  formatSchemaErrors,
} from '../schemas/validateManifest';

/** `<repo root>/../shared/crds`: the upstream snapshots the tests compare against. */
// The package root is found through its package.json, so this works from src/ and dist/ alike.
export const SHARED_CRDS_DIR = resolve(
  resolvePackagePath('@fleet-portal/plugin-scaffolder-backend-module-fleet'),
  '../../../shared/crds',
);

export function sharedCrdsDir(): string {
  if (!existsSync(SHARED_CRDS_DIR)) {
    throw new Error(
      `upstream schemas not found at ${SHARED_CRDS_DIR}: shared/ must sit beside the repo (…/shared/crds next to …/main)`,
    );
  }
  return SHARED_CRDS_DIR;
}

export const UPSTREAM_CRD_FILES: Record<string, string> = {
  ClusterDeployment: 'k0rdent/k0rdent.mirantis.com_clusterdeployments.yaml',
  VirtualMachine: 'virtrigaud/infra.virtrigaud.io_virtualmachines.yaml',
  VMImage: 'virtrigaud/infra.virtrigaud.io_vmimages.yaml',
  DNSZone: 'bindy/dnszones.crd.yaml',
  ARecord: 'bindy/arecords.crd.yaml',
  AAAARecord: 'bindy/aaaarecords.crd.yaml',
  CNAMERecord: 'bindy/cnamerecords.crd.yaml',
  MXRecord: 'bindy/mxrecords.crd.yaml',
  TXTRecord: 'bindy/txtrecords.crd.yaml',
  SRVRecord: 'bindy/srvrecords.crd.yaml',
  // The repository skeleton's flux-system/ objects (kustomization.yaml files are no manifests).
  GitRepository: 'flux/source.toolkit.fluxcd.io_gitrepositories.yaml',
  Kustomization: 'flux/kustomize.toolkit.fluxcd.io_kustomizations.yaml',
};

/** The storage version of an upstream CRD file: its apiVersion and openAPIV3Schema. */
const crdCache = new Map<
  string,
  { apiVersion: string; openAPIV3Schema: Record<string, unknown> }
>();

export function upstreamCrd(kind: string): {
  apiVersion: string;
  openAPIV3Schema: Record<string, unknown>;
} {
  const cached = crdCache.get(kind);
  if (cached) return cached;
  const crd = parse(
    readFileSync(join(sharedCrdsDir(), UPSTREAM_CRD_FILES[kind]), 'utf8'),
  );
  const version =
    crd.spec.versions.find((v: any) => v.storage) ?? crd.spec.versions[0];
  const result = {
    apiVersion: `${crd.spec.group}/${version.name}`,
    openAPIV3Schema: version.schema.openAPIV3Schema,
  };
  crdCache.set(kind, result);
  return result;
}

export function upstreamChartSchema(chart: string): unknown {
  return JSON.parse(
    readFileSync(
      join(
        sharedCrdsDir(),
        'k0rdent/template-values',
        `${chart}.values.schema.json`,
      ),
      'utf8',
    ),
  );
}

const validators = new Map<string, ValidateFunction>();

/**
 * Errors of an object against the upstream CRD read from shared/crds; `[]` when valid. Secrets (core kind) are checked for shape only.
 */
export function upstreamErrors(object: KubeObject): string[] {
  if (object.kind === 'Secret') {
    const ok =
      object.apiVersion === 'v1' &&
      typeof (object as any).stringData?.userdata === 'string';
    return ok ? [] : ['Secret without stringData.userdata'];
  }
  if (!UPSTREAM_CRD_FILES[object.kind])
    return [`no upstream CRD for ${object.kind}`];
  let validate = validators.get(object.kind);
  if (!validate) {
    validate = compileCrdSchema(upstreamCrd(object.kind).openAPIV3Schema);
    validators.set(object.kind, validate);
  }
  const errors: string[] = [];
  if (object.apiVersion !== upstreamCrd(object.kind).apiVersion)
    errors.push(`apiVersion ${object.apiVersion}`);
  const schemaErrors = crdSchemaErrors(object, validate);
  if (schemaErrors.length > 0)
    errors.push(formatSchemaErrors(schemaErrors, ''));
  return errors;
}
