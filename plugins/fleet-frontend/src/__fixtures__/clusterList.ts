import {
  ClusterDetail,
  ClusterListResponse,
  ClusterSummary,
} from '@fleet-portal/plugin-fleet-common';
import {
  DESIRED_DIGEST,
  DESIRED_IMAGE,
  OLD_DIGEST,
  OLD_IMAGE,
  driftedClusterDetail,
  emptyClusterDetail,
  healthyClusterDetail,
} from './clusterDetails';
import { READ_AT } from './sources';

function toSummary(detail: ClusterDetail): ClusterSummary {
  const {
    desiredImageFigure,
    k0sVersions,
    nodeStatuses,
    dnsRecords,
    virtualMachines,
    zones,
    apiServerCaData,
    ...summary
  } = detail;
  return summary;
}

const notReadyCluster: ClusterSummary = {
  id: 'mgmt-us/kcm-system/retail-nyc-07',
  ref: {
    management: 'mgmt-us',
    namespace: 'kcm-system',
    name: 'retail-nyc-07',
  },
  demo: false,
  labels: {},
  health: {
    state: 'not-ready',
    reason: 'Failed',
    message: 'HelmRelease install failed',
  },
  k0s: {
    desired: 'v1.30.5+k0s.0',
    exactBuild: 'v1.30.5+k0s.0',
    running: ['v1.30.5+k0s'],
    availableUpgrades: ['vsphere-standalone-cp-1-0-43'],
  },
  desiredImage: OLD_IMAGE,
  images: [
    { reference: OLD_IMAGE, digest: OLD_DIGEST, nodes: ['retail-nyc-07-cp-0'] },
  ],
  nodes: { total: 1, ready: 0, unknownImage: 0 },
  dns: { total: 2, synced: 2 },
  drift: [
    {
      type: 'cluster-not-ready',
      reason: 'Failed',
      message: 'HelmRelease install failed',
    },
  ],
  read: {
    lastSuccessAt: READ_AT,
    lastAttemptAt: READ_AT,
    stale: false,
    failures: [],
  },
};

export const clusterListResponse: ClusterListResponse = {
  items: [
    toSummary(driftedClusterDetail),
    toSummary(healthyClusterDetail),
    toSummary(emptyClusterDetail),
    notReadyCluster,
  ],
  sources: [
    { id: 'demo', scope: 'management', demo: true, lastSuccessAt: READ_AT },
    { id: 'mgmt-eu', scope: 'management', demo: false, lastSuccessAt: READ_AT },
    {
      id: 'mgmt-us',
      scope: 'management',
      demo: false,
      lastSuccessAt: '2026-03-01T10:00:00Z',
      failure: {
        reason: 'unreachable',
        message: 'connect ECONNREFUSED 10.0.0.5:6443',
        during: 'management ClusterDeployments',
        at: READ_AT,
      },
    },
    { id: 'dns-eu', scope: 'dns', demo: false, lastSuccessAt: READ_AT },
  ],
};

/** A deterministic fleet of `count` clusters; every seventh one drifts in its k0s build. */
export function largeClusterList(count: number): ClusterListResponse {
  const items: ClusterSummary[] = [];
  for (let i = 0; i < count; i++) {
    const name = `site-${String(i).padStart(3, '0')}`;
    const drifted = i % 7 === 0;
    items.push({
      id: `mgmt-eu/kcm-system/${name}`,
      ref: { management: 'mgmt-eu', namespace: 'kcm-system', name },
      demo: false,
      labels: {},
      health: { state: i % 50 === 0 ? 'not-ready' : 'ready' },
      k0s: {
        desired: 'v1.31.2+k0s.1',
        exactBuild: drifted ? 'v1.31.2+k0s.0' : 'v1.31.2+k0s.1',
        running: ['v1.31.2+k0s'],
        availableUpgrades: [],
      },
      desiredImage: DESIRED_IMAGE,
      images: [
        {
          reference: DESIRED_IMAGE,
          digest: DESIRED_DIGEST,
          nodes: [`${name}-cp-0`, `${name}-w-0`, `${name}-w-1`],
        },
      ],
      nodes: { total: 3, ready: 3, unknownImage: 0 },
      dns: { total: 2, synced: 2 },
      drift: drifted
        ? [
            {
              type: 'k0s-build',
              desired: 'v1.31.2+k0s.1',
              actual: 'v1.31.2+k0s.0',
            },
          ]
        : [],
      read: {
        lastSuccessAt: READ_AT,
        lastAttemptAt: READ_AT,
        stale: false,
        failures: [],
      },
    });
  }
  return {
    items,
    sources: [
      {
        id: 'mgmt-eu',
        scope: 'management',
        demo: false,
        lastSuccessAt: READ_AT,
      },
    ],
  };
}
