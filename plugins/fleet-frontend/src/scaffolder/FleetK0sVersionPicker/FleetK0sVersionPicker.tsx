import { FleetOptionField } from '../FleetOptionField';
import {
  ClusterFieldOptions,
  FleetFieldProps,
  namedCluster,
} from '../fieldProps';
import { k0sVersionProblem } from './k0sVersionProblem';
import { useK0sVersionOptions } from './useK0sVersionOptions';

/** `clusterField` names the form field holding the cluster to upgrade; without it, no upgrade check. */
export type FleetK0sVersionPickerUiOptions = ClusterFieldOptions;

/** Picks a k0s version like `v1.31.2+k0s.0`; offers the fleet's versions, checks what is typed. */
export function FleetK0sVersionPicker(
  props: FleetFieldProps<FleetK0sVersionPickerUiOptions>,
) {
  const uiOptions = props.uiSchema?.['ui:options'];
  const cluster = uiOptions?.clusterField
    ? namedCluster(props, uiOptions, undefined)
    : undefined;
  const options = useK0sVersionOptions(cluster);
  const current =
    options.status === 'ready' ? options.extra?.current : undefined;
  return (
    <FleetOptionField
      field={props}
      options={options}
      emptyReason={
        current
          ? `The fleet knows no valid upgrade from ${current}.`
          : 'The fleet reports no k0s version yet.'
      }
      problem={k0sVersionProblem(props.formData, current)}
    />
  );
}
