/**
 * The Fleet Portal backend: reads k0rdent clusters, their Kairos nodes and bindy DNS records
 * and serves what runs where at `/api/fleet`.
 *
 * @packageDocumentation
 */
export { fleetPlugin as default } from './plugin';
export { catalogModuleFleetEntities } from './catalog/catalogModule';
export { fleetConnectionsExtensionPoint } from './extensions';
export type { FleetConnectionsExtensionPoint } from './extensions';
export type { ApiServerConnectionOptions } from './connections/types';

// Building blocks for custom wiring and tooling (the benchmarks in packages/fleet-bench use them).
export { FleetRefresher } from './service/FleetRefresher';
export type {
  FleetRefresherOptions,
  RefreshReport,
} from './service/FleetRefresher';
export { WorkerFleetReader } from './service/WorkerFleetReader';
export type { WorkerFleetReaderOptions } from './service/WorkerFleetReader';
export type { FleetReading, ManagementRead } from './service/FleetReading';
export { DatabaseFleetStore } from './service/DatabaseFleetStore';
export type { FleetStore } from './service/FleetStore';
export { createApiServerTarget } from './connections/createApiServerTarget';
export type { ApiServerTarget } from './connections/types';
export { createRouter } from './router';
export { LiveFleet } from './watching/LiveFleet';
export type { LiveFleetOptions } from './watching/LiveFleet';
export { LeaderLease } from './watching/LeaderLease';
export { runAsLeader } from './watching/runAsLeader';
export type { WatchSettings } from './watching/watchSettings';

// For permission policies: conditions on the `fleet-cluster` resource type.
export {
  createFleetClusterConditionalDecision,
  fleetClusterConditions,
  fleetClusterPermissionRules,
} from './permissions/clusterRules';
export { fleetClusterResourceRef } from './permissions/clusterResource';
export type {
  FleetClusterFilter,
  FleetClusterResource,
} from './permissions/clusterResource';
