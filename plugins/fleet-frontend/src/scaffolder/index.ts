export { FLEET_FIELD_NAMES } from './fieldExtensions';
export type { FleetClusterPickerUiOptions } from './FleetClusterPicker';
export type { FleetDnsZonePickerUiOptions } from './FleetDnsZonePicker';
export type { FleetK0sVersionPickerUiOptions } from './FleetK0sVersionPicker';
export type { FleetImagePickerUiOptions } from './FleetImagePicker';
export type { FleetClusterTemplatePickerUiOptions } from './FleetClusterTemplatePicker';
export type { FleetCredentialPickerUiOptions } from './FleetCredentialPicker';
export type { FleetTemplateUpgradePickerUiOptions } from './FleetTemplateUpgradePicker';
export type { FleetNamespacePickerUiOptions } from './FleetNamespacePicker';
