import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The CRD kinds whose schemas ship in `schemas/crds/` (see scripts/sync-schemas.mjs). */
export const CRD_KINDS = [
  'ClusterDeployment',
  'VirtualMachine',
  'VMImage',
  'DNSZone',
  'ARecord',
  'AAAARecord',
  'CNAMERecord',
  'MXRecord',
  'TXTRecord',
  'SRVRecord',
] as const;
export type CrdKind = (typeof CRD_KINDS)[number];

/** k0rdent cluster template charts whose values schemas ship in `schemas/template-values/`. */
export const SUPPORTED_CHARTS = [
  'adopted-cluster',
  'aws-standalone-cp',
  'openstack-standalone-cp',
  'remote-cluster',
  'vsphere-hosted-cp',
  'vsphere-standalone-cp',
] as const;
export type SupportedChart = (typeof SUPPORTED_CHARTS)[number];

export interface EmbeddedCrdSchema {
  apiVersion: string;
  kind: CrdKind;
  /** The upstream file (relative to shared/crds) the schema was copied from. */
  source: string;
  openAPIV3Schema: Record<string, unknown>;
}

const PACKAGE_NAME = '@fleet-portal/plugin-scaffolder-backend-module-fleet';

function readSchemaFile(...segments: string[]): any {
  const file = resolvePackagePath(PACKAGE_NAME, 'schemas', ...segments);
  return JSON.parse(readFileSync(file, 'utf8'));
}

const crdCache = new Map<CrdKind, EmbeddedCrdSchema>();
const chartCache = new Map<SupportedChart, Record<string, unknown>>();

export function embeddedCrdSchema(kind: CrdKind): EmbeddedCrdSchema {
  let schema = crdCache.get(kind);
  if (!schema) {
    schema = readSchemaFile('crds', `${kind}.json`) as EmbeddedCrdSchema;
    crdCache.set(kind, schema);
  }
  return schema;
}

export function embeddedChartSchema(
  chart: SupportedChart,
): Record<string, unknown> {
  let schema = chartCache.get(chart);
  if (!schema) {
    schema = readSchemaFile(join('template-values', `${chart}.json`));
    chartCache.set(chart, schema!);
  }
  return schema!;
}

export function isSupportedChart(chart: string): chart is SupportedChart {
  return (SUPPORTED_CHARTS as readonly string[]).includes(chart);
}
