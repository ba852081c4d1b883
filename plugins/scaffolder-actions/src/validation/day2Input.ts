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

/** What every operation names: the cluster, and where it is. */
interface Day2Target {
  cluster: string;
  namespace?: string;
  /** The management cluster holding it; the fleet's only one when absent. */
  management?: string;
  targetPath: string;
}

export type Day2Input = Day2Target &
  (
    | { operation: 'upgrade-k0s'; k0sVersion: string }
    | {
        operation: 'upgrade-template';
        /** A ClusterTemplate the cluster's `status.availableUpgrades` offers. */
        template: string;
      }
    | {
        operation: 'scale';
        workersNumber?: number;
        controlPlaneNumber?: number;
      }
    | { operation: 'decommission' }
  );

const INPUTS_BY_OPERATION: Record<(typeof DAY2_OPERATIONS)[number], string[]> =
  {
    'upgrade-k0s': ['k0sVersion'],
    'upgrade-template': ['template'],
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
    'management',
    'targetPath',
    ...INPUTS_BY_OPERATION[operation],
  ]);
  const cluster = requireDnsLabel(input.cluster, 'cluster');
  const namespace =
    input.namespace === undefined || input.namespace === ''
      ? undefined
      : requireNamespace(input.namespace);
  const targetPath = optionalTargetPath(input.targetPath);
  const management =
    input.management === undefined || input.management === ''
      ? undefined
      : requireDnsLabel(input.management, 'management');
  if (operation === 'upgrade-k0s') {
    return {
      operation,
      cluster,
      namespace,
      management,
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
      management,
      template: requireDnsSubdomain(input.template, 'template'),
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
      management,
      targetPath,
      workersNumber,
      controlPlaneNumber,
    };
  }
  return { operation, cluster, namespace, management, targetPath };
}
