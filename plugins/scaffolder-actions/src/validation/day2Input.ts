import { optionalTargetPath } from './common';
import { fieldError } from './fieldError';
import {
  requireControlPlaneNumber,
  requireWorkersNumber,
} from './clusterInput';
import { requireK0sVersion } from './k0sVersion';
import {
  requireDnsLabel,
  requireDnsSubdomain,
  requireNamespace,
} from './names';
import { rejectUnknownKeys, requireObject, requireOneOf } from './primitives';

export const DAY2_OPERATIONS = [
  'upgrade-k0s',
  'upgrade-template',
  'scale',
  'decommission',
] as const;

export type Day2Input =
  | {
      operation: 'upgrade-k0s';
      cluster: string;
      namespace?: string;
      k0sVersion: string;
      targetPath: string;
    }
  | {
      operation: 'upgrade-template';
      cluster: string;
      namespace?: string;
      /** A ClusterTemplate the cluster's `status.availableUpgrades` offers. */
      template: string;
      /** The management cluster holding it; the fleet's only one when absent. */
      management?: string;
      targetPath: string;
    }
  | {
      operation: 'scale';
      cluster: string;
      namespace?: string;
      workersNumber?: number;
      controlPlaneNumber?: number;
      targetPath: string;
    }
  | {
      operation: 'decommission';
      cluster: string;
      namespace?: string;
      targetPath: string;
    };

const INPUTS_BY_OPERATION: Record<(typeof DAY2_OPERATIONS)[number], string[]> =
  {
    'upgrade-k0s': ['k0sVersion'],
    'upgrade-template': ['template', 'management'],
    scale: ['workersNumber', 'controlPlaneNumber'],
    decommission: [],
  };

export function validateDay2Input(raw: unknown): Day2Input {
  const input = requireObject(raw, 'input');
  const operation = requireOneOf(input.operation, 'operation', DAY2_OPERATIONS);
  rejectUnknownKeys(input, '', [
    'operation',
    'cluster',
    'namespace',
    'targetPath',
    ...INPUTS_BY_OPERATION[operation],
  ]);
  const cluster = requireDnsLabel(input.cluster, 'cluster');
  const namespace =
    input.namespace === undefined || input.namespace === ''
      ? undefined
      : requireNamespace(input.namespace);
  const targetPath = optionalTargetPath(input.targetPath);
  if (operation === 'upgrade-k0s') {
    return {
      operation,
      cluster,
      namespace,
      targetPath,
      k0sVersion: requireK0sVersion(input.k0sVersion, 'k0sVersion'),
    };
  }
  if (operation === 'upgrade-template') {
    return {
      operation,
      cluster,
      namespace,
      targetPath,
      template: requireDnsSubdomain(input.template, 'template'),
      management:
        input.management === undefined || input.management === ''
          ? undefined
          : requireDnsLabel(input.management, 'management'),
    };
  }
  if (operation === 'scale') {
    const workersNumber = requireWorkersNumber(
      input.workersNumber,
      'workersNumber',
    );
    const controlPlaneNumber = requireControlPlaneNumber(
      input.controlPlaneNumber,
      'controlPlaneNumber',
    );
    if (workersNumber === undefined && controlPlaneNumber === undefined) {
      throw fieldError(
        'workersNumber',
        'scale needs workersNumber and/or controlPlaneNumber',
      );
    }
    return {
      operation,
      cluster,
      namespace,
      targetPath,
      workersNumber,
      controlPlaneNumber,
    };
  }
  return { operation, cluster, namespace, targetPath };
}
