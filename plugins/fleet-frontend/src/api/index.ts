export { fleetApiRef } from './FleetApi';
export type { FleetApi } from './FleetApi';
export { FleetClient } from './FleetClient';
export { fleetApiFactory } from './fleetApiFactory';
