import {
  SERVICE_STATES,
  type ClusterService,
  type ServiceDeploymentType,
  type ServiceState,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';
import { ReadContext, sourceOf, stringOrUndefined } from './source';

const DEPLOYMENT_TYPES: ServiceDeploymentType[] = [
  'Helm',
  'Kustomize',
  'Resource',
];

/** The CRD defaults a service's namespace to `default`; k0rdent keys services by name and namespace. */
const serviceKey = (name: string, namespace: string | undefined) =>
  `${namespace ?? 'default'}/${name}`;

function entries(list: unknown): Array<[number, any]> {
  if (!Array.isArray(list)) return [];
  return list
    .map((entry, index): [number, any] => [index, entry])
    .filter(
      ([, entry]) =>
        entry && typeof entry === 'object' && stringOrUndefined(entry.name),
    );
}

/**
 * What k0rdent deploys on a cluster: the services `spec.serviceSpec.services[]` declares, with the
 * state `status.services[]` reports for them, and services reported but not declared here (a
 * MultiClusterService deploys those). Sorted by namespace, then name.
 */
export function deriveServices(
  clusterDeployment: KubeObject,
  managementRead: ReadContext,
): ClusterService[] {
  const source = (field: string) =>
    sourceOf(clusterDeployment, managementRead, field);
  const byKey = new Map<string, ClusterService>();

  for (const [i, entry] of entries(
    clusterDeployment.spec?.serviceSpec?.services,
  )) {
    const template = stringOrUndefined(entry.template);
    if (!template) continue;
    const name: string = entry.name;
    const namespace = stringOrUndefined(entry.namespace) ?? 'default';
    const field = `spec.serviceSpec.services[${i}]`;
    const version = stringOrUndefined(entry.version);
    byKey.set(serviceKey(name, namespace), {
      name,
      namespace,
      template: { value: template, source: source(`${field}.template`) },
      version: version
        ? { value: version, source: source(`${field}.version`) }
        : undefined,
      declared: true,
    });
  }

  for (const [i, entry] of entries(clusterDeployment.status?.services)) {
    const name: string = entry.name;
    const namespace = stringOrUndefined(entry.namespace) ?? 'default';
    const key = serviceKey(name, namespace);
    const declared = byKey.get(key);
    const field = `status.services[${i}]`;
    const template = stringOrUndefined(entry.template);
    const version = stringOrUndefined(entry.version);
    const state = stringOrUndefined(entry.state);
    const failureMessage = stringOrUndefined(entry.failureMessage);
    const type = stringOrUndefined(entry.type);
    if (!template && !declared) continue;
    byKey.set(key, {
      name,
      namespace,
      template: template
        ? { value: template, source: source(`${field}.template`) }
        : declared!.template,
      version: version
        ? { value: version, source: source(`${field}.version`) }
        : declared?.version,
      state:
        state && (SERVICE_STATES as readonly string[]).includes(state)
          ? { value: state as ServiceState, source: source(`${field}.state`) }
          : undefined,
      failureMessage: failureMessage
        ? { value: failureMessage, source: source(`${field}.failureMessage`) }
        : undefined,
      type: DEPLOYMENT_TYPES.find(t => t === type),
      lastStateTransitionTime: stringOrUndefined(entry.lastStateTransitionTime),
      declared: Boolean(declared),
    });
  }

  return [...byKey.values()].sort(
    (a, b) =>
      a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  );
}
