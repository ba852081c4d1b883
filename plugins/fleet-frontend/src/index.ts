/**
 * Fleet Portal: Kairos images, k0s versions, bindy DNS sync and template requests per cluster, and
 * the fleet page.
 *
 * @packageDocumentation
 */
export {
  fleetPlugin,
  FleetPage,
  EntityKairosImageCard,
  EntityK0sVersionCard,
  EntityDnsSyncCard,
  EntityServicesCard,
  EntityNodesCard,
  EntityClusterHistoryCard,
  EntityFleetRequestsCard,
  FleetClusterPickerFieldExtension,
  FleetDnsZonePickerFieldExtension,
  FleetK0sVersionPickerFieldExtension,
  FleetImagePickerFieldExtension,
  FleetClusterTemplatePickerFieldExtension,
  FleetCredentialPickerFieldExtension,
  FleetNamespacePickerFieldExtension,
  FleetTemplateUpgradePickerFieldExtension,
} from './plugin';
export * from './scaffolder';
export { fleetApiRef, FleetClient } from './api';
export type { FleetApi, HistoryQuery, RequestsQuery } from './api';
export { isFleetCluster, clusterEntityName } from './lib/entity';
export { DAY2_TEMPLATES } from './constants';
