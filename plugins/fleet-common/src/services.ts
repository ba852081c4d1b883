import type { Figure } from './types';

/** `ClusterDeployment.status.services[].state`, as the k0rdent CRD enumerates it. */
export const SERVICE_STATES = [
  'Deployed',
  'Provisioning',
  'Failed',
  'Pending',
  'Deleting',
  'Deleted',
] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

/** `status.services[].type`: how k0rdent deploys the service. */
export type ServiceDeploymentType = 'Helm' | 'Kustomize' | 'Resource';

/**
 * A service k0rdent deploys on a cluster (Traefik, MetalLB, …): one entry of
 * `ClusterDeployment.spec.serviceSpec.services[]` and/or `status.services[]`, by release
 * name and namespace.
 */
export interface ClusterService {
  /** Release name on the child cluster. */
  name: string;
  /** Release namespace on the child cluster. */
  namespace: string;
  /** ServiceTemplate name: reported (`status.services[].template`), else declared in the spec. */
  template: Figure<string>;
  /** Service version: reported (`status.services[].version`), else declared in the spec. */
  version?: Figure<string>;
  /** `status.services[].state`; absent while k0rdent has not reported the service yet. */
  state?: Figure<ServiceState>;
  /** `status.services[].failureMessage`: why it failed to deploy. */
  failureMessage?: Figure<string>;
  type?: ServiceDeploymentType;
  /** `status.services[].lastStateTransitionTime`. */
  lastStateTransitionTime?: string;
  /** Declared in `spec.serviceSpec.services[]` (false: reported only, e.g. by a MultiClusterService). */
  declared: boolean;
}

/** Services of a cluster counted by reported state, for the fleet list. */
export interface ServiceCounts {
  total: number;
  /** Declared but not reported by k0rdent yet. */
  unreported: number;
  byState: Record<ServiceState, number>;
}

export function countServices(services: ClusterService[]): ServiceCounts {
  const byState = Object.fromEntries(
    SERVICE_STATES.map(state => [state, 0]),
  ) as Record<ServiceState, number>;
  let unreported = 0;
  for (const service of services) {
    if (service.state) byState[service.state.value] += 1;
    else unreported += 1;
  }
  return { total: services.length, unreported, byState };
}
