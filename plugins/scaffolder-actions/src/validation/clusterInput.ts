import { ClusterDeploymentSpec } from '../manifests/clusterDeployment';
import {
  embeddedChartSchema,
  isSupportedChart,
  SUPPORTED_CHARTS,
  SupportedChart,
} from '../schemas/embeddedSchemas';
import { optionalTargetPath, requireEntityRef } from './common';
import { fieldError } from './fieldError';
import { requireK0sVersion } from './k0sVersion';
import {
  requireDnsLabel,
  requireDnsSubdomain,
  requireLabels,
  requireNamespace,
} from './names';
import {
  optionalInteger,
  rejectUnknownKeys,
  requireObject,
} from './primitives';
import { requireProviderBlock } from './providerBlock';

export interface ClusterInput extends ClusterDeploymentSpec {
  chart: SupportedChart;
  targetPath: string;
  /** The management cluster whose live values schema applies; the fleet's only one when absent. */
  management?: string;
}

const KNOWN_INPUTS = [
  'name',
  'namespace',
  'template',
  'credential',
  'controlPlaneNumber',
  'workersNumber',
  'k0sVersion',
  'clusterLabels',
  'vmImage',
  'owner',
  'provider',
  'targetPath',
  'management',
];

export const MAX_CONTROL_PLANE = 15;
export const MAX_WORKERS = 500;

/** The chart a versioned ClusterTemplate name was built from: `vsphere-standalone-cp-1-0-42` → `vsphere-standalone-cp`. */
export function chartOfTemplate(template: string): string | undefined {
  return /^(.+)-\d+-\d+-\d+$/.exec(template)?.[1];
}

export function requireControlPlaneNumber(
  value: unknown,
  field: string,
): number | undefined {
  const count = optionalInteger(value, field, 1, MAX_CONTROL_PLANE);
  if (count !== undefined && count % 2 === 0) {
    throw fieldError(field, 'must be odd (1, 3, 5, …) so etcd keeps a quorum');
  }
  return count;
}

export function requireWorkersNumber(
  value: unknown,
  field: string,
): number | undefined {
  return optionalInteger(value, field, 0, MAX_WORKERS);
}

function requireChart(template: string): SupportedChart {
  const chart = chartOfTemplate(template);
  if (!chart || !isSupportedChart(chart)) {
    throw fieldError(
      'template',
      `must name a ClusterTemplate of a supported chart with a -X-Y-Z version suffix (e.g. vsphere-standalone-cp-1-0-42); supported charts: ${SUPPORTED_CHARTS.join(
        ', ',
      )}`,
    );
  }
  return chart;
}

/** Rejects a managed value the chart does not declare (e.g. workersNumber for adopted-cluster). */
function requireDeclared(
  chart: SupportedChart,
  key: string,
  field: string,
  value: unknown,
): void {
  const properties = (embeddedChartSchema(chart).properties ?? {}) as Record<
    string,
    unknown
  >;
  if (value !== undefined && !(key in properties)) {
    throw fieldError(
      field,
      `the ${chart} chart has no ${key} value; leave it out for this template`,
    );
  }
}

export function validateClusterInput(raw: unknown): ClusterInput {
  const input = requireObject(raw, 'input');
  rejectUnknownKeys(input, '', KNOWN_INPUTS);
  const template = requireDnsSubdomain(input.template, 'template');
  const chart = requireChart(template);
  const controlPlaneNumber = requireControlPlaneNumber(
    input.controlPlaneNumber,
    'controlPlaneNumber',
  );
  const workersNumber = requireWorkersNumber(
    input.workersNumber,
    'workersNumber',
  );
  const k0sVersion =
    input.k0sVersion === undefined
      ? undefined
      : requireK0sVersion(input.k0sVersion, 'k0sVersion');
  const clusterLabels =
    input.clusterLabels === undefined
      ? undefined
      : requireLabels(input.clusterLabels, 'clusterLabels');
  requireDeclared(
    chart,
    'controlPlaneNumber',
    'controlPlaneNumber',
    controlPlaneNumber,
  );
  requireDeclared(chart, 'workersNumber', 'workersNumber', workersNumber);
  requireDeclared(chart, 'k0s', 'k0sVersion', k0sVersion);
  requireDeclared(chart, 'clusterLabels', 'clusterLabels', clusterLabels);
  return {
    name: requireDnsLabel(input.name, 'name'),
    namespace: requireNamespace(input.namespace),
    template,
    chart,
    credential: requireDnsSubdomain(input.credential, 'credential'),
    controlPlaneNumber,
    workersNumber,
    k0sVersion,
    clusterLabels,
    desiredImage:
      input.vmImage === undefined
        ? undefined
        : requireDnsLabel(input.vmImage, 'vmImage'),
    owner:
      input.owner === undefined
        ? undefined
        : requireEntityRef(input.owner, 'owner', 'group'),
    provider:
      input.provider === undefined
        ? {}
        : requireProviderBlock(input.provider, 'provider'),
    targetPath: optionalTargetPath(input.targetPath),
    management:
      input.management === undefined
        ? undefined
        : requireDnsLabel(input.management, 'management'),
  };
}
