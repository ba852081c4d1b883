export { fleetApiRef } from './FleetApi';
export type { FleetApi, HistoryQuery, RequestsQuery } from './FleetApi';
export { FleetClient } from './FleetClient';
export { fleetApiFactory } from './fleetApiFactory';
