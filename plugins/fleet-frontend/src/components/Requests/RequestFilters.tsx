import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { RequestListState } from '../../api';

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
      <Box mr={2} minWidth={260}>
        <FormControl fullWidth>
          <InputLabel id="fleet-request-state-label">Show</InputLabel>
          <Select
            labelId="fleet-request-state-label"
            id="fleet-request-state"
            data-testid="fleet-request-state-filter"
            value={props.state}
            onChange={event =>
              props.onChange({
                state: requestListState(String(event.target.value)),
              })
            }
          >
            {REQUEST_STATE_OPTIONS.map(option => (
              <MenuItem key={option.value} value={option.value}>
                {option.label}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      </Box>
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
