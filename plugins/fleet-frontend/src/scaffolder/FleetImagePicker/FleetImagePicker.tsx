import { FleetOptionField } from '../FleetOptionField';
import {
  ClusterFieldOptions,
  FleetFieldProps,
  namedCluster,
} from '../fieldProps';
import { useImageOptions } from './useImageOptions';

export type FleetImagePickerUiOptions = ClusterFieldOptions;

/** Picks a VirtRigaud VMImage by name from those the fleet's VMs use. */
export function FleetImagePicker(
  props: FleetFieldProps<FleetImagePickerUiOptions>,
) {
  const cluster = namedCluster(
    props,
    props.uiSchema?.['ui:options'],
    'cluster',
  );
  const options = useImageOptions(cluster);
  return (
    <FleetOptionField
      field={props}
      options={options}
      emptyReason="No VM of the fleet names a VMImage yet."
    />
  );
}
