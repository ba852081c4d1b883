import { FleetOptionField } from '../FleetOptionField';
import {
  ClusterFieldOptions,
  FleetFieldProps,
  namedCluster,
} from '../fieldProps';
import { useZoneOptions } from './useZoneOptions';

export type FleetDnsZonePickerUiOptions = ClusterFieldOptions;

/** Picks a DNS zone the fleet serves; the zones of the form's cluster come first. */
export function FleetDnsZonePicker(
  props: FleetFieldProps<FleetDnsZonePickerUiOptions>,
) {
  const cluster = namedCluster(
    props,
    props.uiSchema?.['ui:options'],
    'cluster',
  );
  const options = useZoneOptions(cluster);
  return (
    <FleetOptionField
      field={props}
      options={options}
      emptyReason="The fleet serves no DNS zone yet."
    />
  );
}
