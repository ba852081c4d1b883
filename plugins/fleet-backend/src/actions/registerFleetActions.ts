import type { FleetActionsOptions } from './context';
import { registerGetClusterStatus } from './getClusterStatus';
import { registerGetStateAt } from './getStateAt';
import { registerListClusters } from './listClusters';
import { registerListDrift } from './listDrift';
import { registerRequestActions } from './requests';

export type { FleetActionsOptions } from './context';

/**
 * Registers the fleet's read-only actions with the actions registry (served to AI tooling by the
 * MCP actions backend). Each call asks the permission policy about the caller's credentials
 * once, and filters exactly as the `/api/fleet` routes do.
 */
export function registerFleetActions(options: FleetActionsOptions): void {
  registerListClusters(options);
  registerGetClusterStatus(options);
  registerListDrift(options);
  registerGetStateAt(options);
  registerRequestActions(options);
}
