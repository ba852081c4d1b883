export { FleetCredentialPicker } from './FleetCredentialPicker';
export type { FleetCredentialPickerUiOptions } from './FleetCredentialPicker';
