import {
  ClusterDetail,
  ClusterService,
  ClusterSummary,
  countServices,
} from '@fleet-portal/plugin-fleet-common';
import { driftedClusterDetail } from './clusterDetails';
import { managementSource } from './sources';

export const METALLB_FAILURE =
  'Internal error occurred: failed calling webhook "ipaddresspoolvalidationwebhook.metallb.io": connection refused';

const field = (path: string) =>
  managementSource(
    'ClusterDeployment',
    'fleet-demo',
    'edge-fra-01',
    path,
    'demo',
  );

export const SERVICES: ClusterService[] = [
  {
    name: 'traefik',
    namespace: 'traefik',
    template: {
      value: 'traefik-37-1-1',
      source: field('status.services[0].template'),
    },
    version: { value: '37.1.1', source: field('status.services[0].version') },
    state: { value: 'Deployed', source: field('status.services[0].state') },
    type: 'Helm',
    lastStateTransitionTime: '2026-03-01T09:00:00Z',
    declared: true,
  },
  {
    name: 'metallb',
    namespace: 'metallb-system',
    template: {
      value: 'metallb-0-15-2',
      source: field('status.services[1].template'),
    },
    version: { value: '0.15.2', source: field('status.services[1].version') },
    state: { value: 'Failed', source: field('status.services[1].state') },
    failureMessage: {
      value: METALLB_FAILURE,
      source: field('status.services[1].failureMessage'),
    },
    type: 'Helm',
    lastStateTransitionTime: '2026-03-01T10:00:00Z',
    declared: true,
  },
  {
    name: 'cert-manager',
    namespace: 'cert-manager',
    template: {
      value: 'cert-manager-v1-18-2',
      source: field('spec.serviceSpec.services[2].template'),
    },
    declared: true,
  },
  {
    name: 'kyverno',
    namespace: 'kyverno',
    template: {
      value: 'kyverno-3-5-2',
      source: field('status.services[2].template'),
    },
    state: { value: 'Provisioning', source: field('status.services[2].state') },
    type: 'Helm',
    lastStateTransitionTime: '2026-03-01T11:00:00Z',
    declared: false,
  },
];

/** The drifted cluster with services: one failed (and its drift finding), one provisioning. */
export const servicesClusterDetail: ClusterDetail = {
  ...driftedClusterDetail,
  services: SERVICES,
  serviceCounts: countServices(SERVICES),
  drift: [
    ...driftedClusterDetail.drift,
    {
      type: 'service-failed',
      name: 'metallb',
      namespace: 'metallb-system',
      template: 'metallb-0-15-2',
      state: 'Failed',
      message: METALLB_FAILURE,
    },
  ],
};

/**
 * The fleet list with service counts: edge-fra-01 with a failed service, core-ams-02 with one
 * provisioning, the others all deployed.
 */
export function withServiceCounts(
  clusters: ClusterSummary[],
): ClusterSummary[] {
  const counts: Record<string, ClusterService[]> = {
    'edge-fra-01': SERVICES.filter(s => s.state?.value !== 'Provisioning'),
    'core-ams-02': SERVICES.filter(s => s.state?.value !== 'Failed'),
  };
  return clusters.map(cluster => ({
    ...cluster,
    serviceCounts: countServices(
      counts[cluster.ref.name] ??
        SERVICES.filter(s => s.state?.value === 'Deployed'),
    ),
  }));
}
