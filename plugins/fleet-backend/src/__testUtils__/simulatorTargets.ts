import type { FleetSimulator } from '@internal/fleet-simulator';
import { createApiServerTarget } from '../connections/createApiServerTarget';
import type { ApiServerTarget } from '../connections/types';

/** The simulator's management (`mgmt`) and DNS (`dns`) clusters as the backend reads them. */
export function simulatorTargets(
  sim: FleetSimulator,
  token?: string,
): { managementClusters: ApiServerTarget[]; dnsClusters: ApiServerTarget[] } {
  const target = (scope: 'management' | 'dns', access: FleetSimulator['dns']) =>
    createApiServerTarget(scope, {
      id: scope === 'management' ? 'mgmt' : 'dns',
      url: access.url,
      caData: access.caData,
      serviceAccountToken: token ?? access.token,
    });
  return {
    managementClusters: [target('management', sim.management)],
    dnsClusters: [target('dns', sim.dns)],
  };
}
