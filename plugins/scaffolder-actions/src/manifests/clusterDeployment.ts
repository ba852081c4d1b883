import { FLEET_ANNOTATIONS } from '@fleet-portal/plugin-fleet-common';
import { objectMeta } from './metadata';
import { KubeObject, RequestInfo } from './types';

export const CLUSTER_DEPLOYMENT_API_VERSION = 'k0rdent.mirantis.com/v1beta1';

export interface ClusterDeploymentSpec {
  name: string;
  namespace: string;
  /** ClusterTemplate name, e.g. `vsphere-standalone-cp-1-0-42`. */
  template: string;
  credential: string;
  controlPlaneNumber?: number;
  workersNumber?: number;
  k0sVersion?: string;
  clusterLabels?: Record<string, string>;
  /** The VMImage the nodes should run. */
  desiredImage?: string;
  /** Catalog owner entity ref. */
  owner?: string;
  /** Provider settings merged into `spec.config` (the managed keys above win; validation forbids overlap). */
  provider: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep merge of plain objects; `over` wins on scalar conflicts. */
export function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] =
      isObject(current) && isObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** The chart values the portal manages itself (as opposed to the free provider block). */
export function managedConfig(
  spec: ClusterDeploymentSpec,
): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  if (spec.controlPlaneNumber !== undefined)
    config.controlPlaneNumber = spec.controlPlaneNumber;
  if (spec.workersNumber !== undefined)
    config.workersNumber = spec.workersNumber;
  if (spec.k0sVersion !== undefined) config.k0s = { version: spec.k0sVersion };
  if (spec.clusterLabels !== undefined)
    config.clusterLabels = { ...spec.clusterLabels };
  return config;
}

export function buildClusterDeployment(
  spec: ClusterDeploymentSpec,
  request: RequestInfo,
): KubeObject {
  const annotations: Record<string, string> = {};
  if (spec.desiredImage)
    annotations[FLEET_ANNOTATIONS.desiredImage] = spec.desiredImage;
  if (spec.owner) annotations[FLEET_ANNOTATIONS.owner] = spec.owner;
  return {
    apiVersion: CLUSTER_DEPLOYMENT_API_VERSION,
    kind: 'ClusterDeployment',
    metadata: objectMeta(request, spec.name, spec.namespace, { annotations }),
    spec: {
      template: spec.template,
      credential: spec.credential,
      config: deepMerge(structuredClone(spec.provider), managedConfig(spec)),
    },
  };
}
