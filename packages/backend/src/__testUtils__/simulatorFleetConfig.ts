import type { FleetSimulator } from '@internal/fleet-simulator';

/** The `fleet` config of a backend reading the simulator's management cluster as `mgmt`, in the serving thread. */
export function simulatorFleetConfig(sim: Pick<FleetSimulator, 'management'>) {
  return {
    managementClusters: [
      {
        id: 'mgmt',
        url: sim.management.url,
        caData: sim.management.caData,
        serviceAccountToken: sim.management.token,
      },
    ],
    refresh: { workerThread: false },
  };
}
