import {
  ClusterDetail,
  ClusterInventoryItem,
  ClusterInventoryResponse,
} from '@fleet-portal/plugin-fleet-common';
import {
  driftedClusterDetail,
  emptyClusterDetail,
  healthyClusterDetail,
} from './clusterDetails';

function toInventoryItem(
  detail: ClusterDetail,
  extra: Partial<ClusterInventoryItem> = {},
): ClusterInventoryItem {
  return {
    id: detail.id,
    ref: detail.ref,
    demo: detail.demo,
    labels: detail.labels,
    virtualMachines: detail.virtualMachines,
    zones: detail.zones,
    ...extra,
  };
}

/** The fixture clusters' VMs and zones; core-ams-02 also serves an internal zone. */
export const inventoryResponse: ClusterInventoryResponse = {
  items: [
    toInventoryItem(driftedClusterDetail, {
      virtualMachines: [
        ...driftedClusterDetail.virtualMachines,
        {
          namespace: 'fleet-demo',
          name: 'edge-fra-01-cp-0',
          image: 'kairos-ubuntu-24-04-k0s-1-31',
        },
        {
          namespace: 'fleet-demo',
          name: 'edge-fra-01-w-1',
          image: 'kairos-ubuntu-24-04-k0s-1-31',
        },
      ],
    }),
    toInventoryItem(healthyClusterDetail, {
      zones: ['fleet.example.com', 'ams.internal.example.com'],
      virtualMachines: [
        {
          namespace: 'kcm-system',
          name: 'core-ams-02-cp-0',
          image: 'kairos-ubuntu-24-04-k0s-1-31',
        },
      ],
    }),
    toInventoryItem(emptyClusterDetail, { zones: ['lis.example.com'] }),
  ],
};
