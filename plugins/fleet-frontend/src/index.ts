/**
 * Fleet Portal: Kairos images, k0s versions and bindy DNS sync per cluster, and the fleet page.
 *
 * @packageDocumentation
 */
export {
  fleetPlugin,
  FleetPage,
  EntityKairosImageCard,
  EntityK0sVersionCard,
  EntityDnsSyncCard,
  EntityNodesCard,
  EntityClusterHistoryCard,
  FleetClusterPickerFieldExtension,
  FleetDnsZonePickerFieldExtension,
  FleetK0sVersionPickerFieldExtension,
  FleetImagePickerFieldExtension,
} from './plugin';
export * from './scaffolder';
export { fleetApiRef, FleetClient } from './api';
export type { FleetApi, HistoryQuery } from './api';
export { isFleetCluster, clusterEntityName } from './lib/entity';
export { DAY2_TEMPLATES } from './constants';
