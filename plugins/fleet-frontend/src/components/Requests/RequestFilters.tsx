import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { RequestListState } from '../../api';
import { FilterSelect } from '../shared/FilterSelect';

export const REQUEST_STATE_OPTIONS: Array<{
  value: RequestListState;
  label: string;
}> = [
  { value: 'active', label: 'In progress (not reconciled yet)' },
  { value: 'open', label: 'Waiting for review' },
  { value: 'all', label: 'All, reconciled included' },
];

/** `?state=` as a list state; anything else is the default, `active`. */
export function requestListState(value: string | null): RequestListState {
  return REQUEST_STATE_OPTIONS.some(option => option.value === value)
    ? (value as RequestListState)
    : 'active';
}

export interface RequestFiltersProps {
  state: RequestListState;
  mine: boolean;
  onChange: (change: { state?: RequestListState; mine?: boolean }) => void;
}

/** Which requests a list shows: by where they are on their way, and only the user's own. */
export function RequestFilters(props: RequestFiltersProps) {
  return (
    <Box display="flex" flexWrap="wrap" alignItems="flex-end" mb={2}>
      <FilterSelect
        id="fleet-request-state-filter"
        label="Show"
        value={props.state}
        options={REQUEST_STATE_OPTIONS}
        minWidth={260}
        onChange={value => props.onChange({ state: requestListState(value) })}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={props.mine}
            onChange={event => props.onChange({ mine: event.target.checked })}
            color="primary"
          />
        }
        label="Only my requests"
      />
    </Box>
  );
}
