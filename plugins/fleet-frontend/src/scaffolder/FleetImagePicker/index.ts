export { FleetImagePicker } from './FleetImagePicker';
export type { FleetImagePickerUiOptions } from './FleetImagePicker';
