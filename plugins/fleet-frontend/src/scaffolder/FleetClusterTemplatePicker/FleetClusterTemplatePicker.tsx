import { FleetOptionField } from '../FleetOptionField';
import { FleetFieldProps } from '../fieldProps';
import {
  ManagementNamespaceFieldOptions,
  namedNamespace,
  withWrittenFallback,
} from '../managementFields';
import { useClusterTemplateOptions } from './useClusterTemplateOptions';

export type FleetClusterTemplatePickerUiOptions =
  ManagementNamespaceFieldOptions;

/**
 * Picks a k0rdent ClusterTemplate of the form's namespace, as the management cluster holds them:
 * valid ones with description and chart version, refused ones disabled with k0rdent's reason.
 */
export function FleetClusterTemplatePicker(
  props: FleetFieldProps<FleetClusterTemplatePickerUiOptions>,
) {
  const named = namedNamespace(props);
  const options = withWrittenFallback(
    useClusterTemplateOptions(named),
    props.schema,
  );
  return (
    <FleetOptionField
      field={props}
      options={options}
      restrictToOptions
      emptyReason={
        named.namespace
          ? `The management cluster holds no ClusterTemplate in ${named.namespace}.`
          : 'No namespace is chosen yet.'
      }
    />
  );
}
