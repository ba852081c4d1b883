#!/usr/bin/env node
/**
 * Copies the schemas the actions validate against from the shared upstream snapshots
 * (`<repo>/../shared/crds`, or the folder given as first argument) into `schemas/`:
 * - `schemas/crds/<Kind>.json`: `{ apiVersion, kind, openAPIV3Schema }` of the storage version,
 *   the openAPIV3Schema unchanged (the OpenAPI → JSON Schema mapping happens at load time),
 * - `schemas/template-values/<chart>.json`: the chart values schemas, unchanged.
 *
 * Usage: node scripts/sync-schemas.mjs [path/to/shared/crds]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const crdsDir = resolve(process.argv[2] ?? join(packageDir, '../../../shared/crds'));

const CRD_FILES = {
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
};

const CHARTS = [
  'vsphere-standalone-cp',
  'vsphere-hosted-cp',
  'openstack-standalone-cp',
  'aws-standalone-cp',
  'remote-cluster',
  'adopted-cluster',
];

function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

for (const [kind, file] of Object.entries(CRD_FILES)) {
  const crd = parse(readFileSync(join(crdsDir, file), 'utf8'));
  if (crd?.spec?.names?.kind !== kind) {
    throw new Error(`${file} defines ${crd?.spec?.names?.kind}, expected ${kind}`);
  }
  const version = crd.spec.versions.find(v => v.storage) ?? crd.spec.versions[0];
  writeJson(join(packageDir, 'schemas/crds', `${kind}.json`), {
    apiVersion: `${crd.spec.group}/${version.name}`,
    kind,
    source: file,
    openAPIV3Schema: version.schema.openAPIV3Schema,
  });
}

for (const chart of CHARTS) {
  const file = join(crdsDir, 'k0rdent/template-values', `${chart}.values.schema.json`);
  writeJson(
    join(packageDir, 'schemas/template-values', `${chart}.json`),
    JSON.parse(readFileSync(file, 'utf8')),
  );
}

console.log(`synced ${Object.keys(CRD_FILES).length} CRD schemas and ${CHARTS.length} chart schemas from ${crdsDir}`);
