export { FleetTemplateUpgradePicker } from './FleetTemplateUpgradePicker';
export type { FleetTemplateUpgradePickerUiOptions } from './FleetTemplateUpgradePicker';
