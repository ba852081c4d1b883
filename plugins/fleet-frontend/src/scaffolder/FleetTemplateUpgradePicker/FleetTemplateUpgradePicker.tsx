import { FleetOptionField } from '../FleetOptionField';
import {
  ClusterFieldOptions,
  FleetFieldProps,
  namedCluster,
} from '../fieldProps';
import { useTemplateUpgradeOptions } from './useTemplateUpgradeOptions';

/** `clusterField` names the form field holding the cluster to upgrade (default "cluster"). */
export type FleetTemplateUpgradePickerUiOptions = ClusterFieldOptions;

/**
 * Picks the ClusterTemplate to move a cluster to, among exactly those k0rdent offers it
 * (`status.availableUpgrades`), each described as its ClusterTemplate is.
 */
export function FleetTemplateUpgradePicker(
  props: FleetFieldProps<FleetTemplateUpgradePickerUiOptions>,
) {
  const cluster = namedCluster(
    props,
    props.uiSchema?.['ui:options'],
    'cluster',
  );
  const options = useTemplateUpgradeOptions(cluster);
  const named =
    options.status === 'ready' && options.extra ? options.extra : undefined;
  return (
    <FleetOptionField
      field={props}
      options={options}
      restrictToOptions
      emptyReason={
        named
          ? `k0rdent offers ${named.cluster} no ClusterTemplate upgrade (its status.availableUpgrades is empty).`
          : 'No cluster is chosen yet, or the fleet does not hold it.'
      }
    />
  );
}
