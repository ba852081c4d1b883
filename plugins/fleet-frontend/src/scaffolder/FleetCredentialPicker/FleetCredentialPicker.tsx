import { FleetOptionField } from '../FleetOptionField';
import { FleetFieldProps } from '../fieldProps';
import {
  ManagementNamespaceFieldOptions,
  namedNamespace,
  withWrittenFallback,
} from '../managementFields';
import { useCredentialOptions } from './useCredentialOptions';

export type FleetCredentialPickerUiOptions = ManagementNamespaceFieldOptions;

/** Picks a k0rdent Credential of the form's namespace; those not ready are shown disabled with why. */
export function FleetCredentialPicker(
  props: FleetFieldProps<FleetCredentialPickerUiOptions>,
) {
  const named = namedNamespace(props);
  const options = withWrittenFallback(
    useCredentialOptions(named),
    props.schema,
  );
  return (
    <FleetOptionField
      field={props}
      options={options}
      restrictToOptions
      emptyReason={
        named.namespace
          ? `The management cluster holds no Credential in ${named.namespace}.`
          : 'No namespace is chosen yet.'
      }
    />
  );
}
