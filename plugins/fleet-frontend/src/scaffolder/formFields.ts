import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  fleetClusterPickerField,
  fleetClusterTemplatePickerField,
  fleetCredentialPickerField,
  fleetNamespacePickerField,
  fleetDnsZonePickerField,
  fleetImagePickerField,
  fleetK0sVersionPickerField,
  fleetTemplateUpgradePickerField,
} from './fieldExtensions';

/** The fields for the new frontend system's `FormFieldBlueprint`, loaded lazily. */
export const fleetClusterPickerFormField = createFormField(
  fleetClusterPickerField,
);
export const fleetDnsZonePickerFormField = createFormField(
  fleetDnsZonePickerField,
);
export const fleetK0sVersionPickerFormField = createFormField(
  fleetK0sVersionPickerField,
);
export const fleetImagePickerFormField = createFormField(fleetImagePickerField);
export const fleetClusterTemplatePickerFormField = createFormField(
  fleetClusterTemplatePickerField,
);
export const fleetCredentialPickerFormField = createFormField(
  fleetCredentialPickerField,
);
export const fleetNamespacePickerFormField = createFormField(
  fleetNamespacePickerField,
);
export const fleetTemplateUpgradePickerFormField = createFormField(
  fleetTemplateUpgradePickerField,
);
