import { FigureSource } from '@fleet-portal/plugin-fleet-common';

export const READ_AT = '2026-03-01T11:58:00Z';

const MANAGEMENT_API_VERSIONS: Record<string, string> = {
  ClusterDeployment: 'k0rdent.mirantis.com/v1beta1',
  K0sControlPlane: 'controlplane.cluster.x-k8s.io/v1beta2',
};

export function managementSource(
  kind: string,
  namespace: string,
  name: string,
  field: string,
  cluster = 'mgmt-eu',
): FigureSource {
  return {
    readFrom: { scope: 'management', cluster },
    apiVersion: MANAGEMENT_API_VERSIONS[kind] ?? 'infra.virtrigaud.io/v1beta1',
    kind,
    namespace,
    name,
    field,
    readAt: READ_AT,
  };
}

export function nodeSource(
  clusterId: string,
  node: string,
  field: string,
): FigureSource {
  return {
    readFrom: { scope: 'child', cluster: clusterId },
    apiVersion: 'v1',
    kind: 'Node',
    name: node,
    field,
    readAt: READ_AT,
  };
}

export function dnsSource(
  kind: string,
  namespace: string,
  name: string,
): FigureSource {
  return {
    readFrom: { scope: 'dns', cluster: 'dns-eu' },
    apiVersion: 'bindy.firestoned.io/v1beta1',
    kind,
    namespace,
    name,
    field: 'status.conditions[type=Ready]',
    readAt: READ_AT,
  };
}
