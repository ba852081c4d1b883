export { fleetApiRef } from './FleetApi';
export type {
  FleetApi,
  HistoryQuery,
  RequestListState,
  RequestsQuery,
} from './FleetApi';
export { FleetClient } from './FleetClient';
export { fleetApiFactory } from './fleetApiFactory';
