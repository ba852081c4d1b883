export { FleetDnsZonePicker } from './FleetDnsZonePicker';
export type { FleetDnsZonePickerUiOptions } from './FleetDnsZonePicker';
