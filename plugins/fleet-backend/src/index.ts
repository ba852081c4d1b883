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
