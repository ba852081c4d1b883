export { FleetClusterPicker } from './FleetClusterPicker';
export type { FleetClusterPickerUiOptions } from './FleetClusterPicker';
