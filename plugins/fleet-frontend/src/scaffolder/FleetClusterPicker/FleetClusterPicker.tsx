import { FleetOptionField } from '../FleetOptionField';
import { FleetFieldProps } from '../fieldProps';
import { useClusterOptions } from './useClusterOptions';

export interface FleetClusterPickerUiOptions {
  /** Whether a name the fleet does not list may be typed; default true. */
  allowArbitraryValues?: boolean;
}

/** Picks a cluster of the fleet by name. */
export function FleetClusterPicker(
  props: FleetFieldProps<FleetClusterPickerUiOptions>,
) {
  const allowArbitrary =
    props.uiSchema?.['ui:options']?.allowArbitraryValues ?? true;
  const options = useClusterOptions();
  const typed = props.formData;
  const unlisted =
    allowArbitrary &&
    !!typed &&
    options.status === 'ready' &&
    options.options.length > 0 &&
    !options.options.some(option => option.value === typed);
  return (
    <FleetOptionField
      field={props}
      options={options}
      restrictToOptions={!allowArbitrary}
      emptyReason="The fleet has no clusters yet."
      hint={
        unlisted ? `${typed} is not a cluster of the fleet yet.` : undefined
      }
    />
  );
}
