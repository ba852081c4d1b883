export { FleetNamespacePicker } from './FleetNamespacePicker';
export type { FleetNamespacePickerUiOptions } from './FleetNamespacePicker';
