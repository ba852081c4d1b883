import { FleetClusterPicker } from './FleetClusterPicker';
import { FleetClusterTemplatePicker } from './FleetClusterTemplatePicker';
import { FleetCredentialPicker } from './FleetCredentialPicker';
import { FleetNamespacePicker } from './FleetNamespacePicker';
import { FleetTemplateUpgradePicker } from './FleetTemplateUpgradePicker';
import { FleetDnsZonePicker } from './FleetDnsZonePicker';
import { FleetImagePicker } from './FleetImagePicker';
import {
  FleetK0sVersionPicker,
  validateK0sVersionField,
} from './FleetK0sVersionPicker';
import {
  fleetClusterPickerSchema,
  fleetClusterTemplatePickerSchema,
  fleetCredentialPickerSchema,
  fleetNamespacePickerSchema,
  fleetDnsZonePickerSchema,
  fleetImagePickerSchema,
  fleetK0sVersionPickerSchema,
  fleetTemplateUpgradePickerSchema,
} from './fieldSchemas';

/** The `ui:field` names templates use. */
export const FLEET_FIELD_NAMES = {
  cluster: 'FleetClusterPicker',
  dnsZone: 'FleetDnsZonePicker',
  k0sVersion: 'FleetK0sVersionPicker',
  image: 'FleetImagePicker',
  clusterTemplate: 'FleetClusterTemplatePicker',
  credential: 'FleetCredentialPicker',
  namespace: 'FleetNamespacePicker',
  templateUpgrade: 'FleetTemplateUpgradePicker',
} as const;

/** Each field's name, component, validation and schema: one definition for both frontend systems. */
export const fleetClusterPickerField = {
  name: FLEET_FIELD_NAMES.cluster,
  component: FleetClusterPicker,
  schema: fleetClusterPickerSchema,
};

export const fleetDnsZonePickerField = {
  name: FLEET_FIELD_NAMES.dnsZone,
  component: FleetDnsZonePicker,
  schema: fleetDnsZonePickerSchema,
};

export const fleetK0sVersionPickerField = {
  name: FLEET_FIELD_NAMES.k0sVersion,
  component: FleetK0sVersionPicker,
  validation: validateK0sVersionField,
  schema: fleetK0sVersionPickerSchema,
};

export const fleetImagePickerField = {
  name: FLEET_FIELD_NAMES.image,
  component: FleetImagePicker,
  schema: fleetImagePickerSchema,
};

export const fleetClusterTemplatePickerField = {
  name: FLEET_FIELD_NAMES.clusterTemplate,
  component: FleetClusterTemplatePicker,
  schema: fleetClusterTemplatePickerSchema,
};

export const fleetCredentialPickerField = {
  name: FLEET_FIELD_NAMES.credential,
  component: FleetCredentialPicker,
  schema: fleetCredentialPickerSchema,
};

export const fleetNamespacePickerField = {
  name: FLEET_FIELD_NAMES.namespace,
  component: FleetNamespacePicker,
  schema: fleetNamespacePickerSchema,
};

export const fleetTemplateUpgradePickerField = {
  name: FLEET_FIELD_NAMES.templateUpgrade,
  component: FleetTemplateUpgradePicker,
  schema: fleetTemplateUpgradePickerSchema,
};
