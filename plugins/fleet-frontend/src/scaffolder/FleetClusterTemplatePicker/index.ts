export { FleetClusterTemplatePicker } from './FleetClusterTemplatePicker';
export type { FleetClusterTemplatePickerUiOptions } from './FleetClusterTemplatePicker';
