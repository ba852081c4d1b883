import { ReactNode } from 'react';
import TextField from '@material-ui/core/TextField';
import { FleetFieldProps } from './fieldProps';
import { FieldOption } from './options';
import { FleetOptionsState } from './useFleetOptions';

export interface FleetOptionFieldProps {
  field: FleetFieldProps<unknown>;
  options: FleetOptionsState<unknown>;
  /** Why the field is free text when the fleet was read but offered nothing. */
  emptyReason: string;
  /** Only listed values may be chosen, as long as the fleet could be listed. */
  restrictToOptions?: boolean;
  /** A problem with the value typed, shown as the field's error. */
  problem?: string;
  /** Extra context under the field, e.g. the cluster's current version. */
  hint?: ReactNode;
}

/**
 * A text field suggesting values read from the fleet, or a select of them when only listed
 * values are allowed. Without a fleet to list, a plain text input that says why.
 */
export function FleetOptionField(props: FleetOptionFieldProps) {
  const { field, options } = props;
  const id = field.idSchema?.$id ?? field.name;
  const label =
    (field.uiSchema?.['ui:title'] as string | undefined) ??
    field.schema?.title ??
    field.name;
  const description =
    (field.uiSchema?.['ui:description'] as string | undefined) ??
    field.schema?.description;
  const value = field.formData ?? '';
  const listId = `${id}-fleet-options`;
  const suggestions: FieldOption[] =
    options.status === 'ready' ? options.options : [];
  const fallbackReason = fallbackReasonOf(options, props.emptyReason);
  const asSelect = props.restrictToOptions && suggestions.length > 0;

  const helper = (
    <>
      {description && <span>{description} </span>}
      {props.problem && <span>{props.problem} </span>}
      {options.status === 'loading' && <span>Reading the fleet… </span>}
      {fallbackReason && (
        <span data-testid="fleet-field-fallback">
          {fallbackReason} Type the value instead.{' '}
        </span>
      )}
      {options.status === 'ready' && options.note && (
        <span>{options.note} </span>
      )}
      {props.hint}
    </>
  );

  const common = {
    id,
    label,
    value,
    required: field.required,
    disabled: field.disabled || field.readonly,
    error: !!props.problem || (field.rawErrors?.length ?? 0) > 0,
    helperText: helper,
    fullWidth: true,
    margin: 'normal' as const,
    onBlur: () => field.onBlur?.(id, value),
    onFocus: () => field.onFocus?.(id, value),
  };

  if (asSelect) {
    const unlisted =
      value !== '' && !suggestions.some(option => option.value === value);
    return (
      <TextField
        {...common}
        select
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        onChange={event => field.onChange(event.target.value || undefined)}
      >
        <option value="">Choose…</option>
        {unlisted && <option value={value}>{value} (not in the fleet)</option>}
        {suggestions.map(option => (
          <option
            key={`${option.value}:${option.label}`}
            value={option.value}
            disabled={option.disabled}
          >
            {option.label}
          </option>
        ))}
      </TextField>
    );
  }

  return (
    <>
      <TextField
        {...common}
        inputProps={suggestions.length > 0 ? { list: listId } : undefined}
        onChange={event => field.onChange(event.target.value || undefined)}
      />
      {suggestions.length > 0 && (
        <datalist id={listId} data-testid="fleet-field-options">
          {suggestions.map(option => (
            <option
              key={`${option.value}:${option.label}`}
              value={option.value}
              label={option.label}
            />
          ))}
        </datalist>
      )}
    </>
  );
}

/** Why the field is plain text, if it is: the fleet unread, or nothing in it to suggest. */
function fallbackReasonOf(
  options: FleetOptionsState<unknown>,
  emptyReason: string,
): string | undefined {
  if (options.status === 'unavailable') return options.reason;
  if (options.status === 'ready' && options.options.length === 0) {
    return emptyReason;
  }
  return undefined;
}
