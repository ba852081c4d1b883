export { FleetK0sVersionPicker } from './FleetK0sVersionPicker';
export type { FleetK0sVersionPickerUiOptions } from './FleetK0sVersionPicker';
export { validateK0sVersionField } from './validateK0sVersionField';
