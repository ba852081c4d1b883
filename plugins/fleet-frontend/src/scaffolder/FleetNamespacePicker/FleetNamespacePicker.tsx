import { FleetOptionField } from '../FleetOptionField';
import { FleetFieldProps } from '../fieldProps';
import {
  ManagementNamespaceFieldOptions,
  namedNamespace,
  withWrittenFallback,
} from '../managementFields';
import { useNamespaceOptions } from './useNamespaceOptions';

export type FleetNamespacePickerUiOptions = Omit<
  ManagementNamespaceFieldOptions,
  'namespaceField'
>;

/** Picks the management namespace of a new cluster among those holding ClusterTemplates. */
export function FleetNamespacePicker(
  props: FleetFieldProps<FleetNamespacePickerUiOptions>,
) {
  const options = withWrittenFallback(
    useNamespaceOptions(namedNamespace(props)),
    props.schema,
  );
  return (
    <FleetOptionField
      field={props}
      options={options}
      restrictToOptions
      emptyReason="No namespace of the management cluster holds a ClusterTemplate."
    />
  );
}
