import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import { HISTORY_KINDS, HistoryKind } from '@fleet-portal/plugin-fleet-common';
import { HISTORY_KIND_LABELS, toggleKind } from '../../lib/history';

export interface HistoryFiltersProps {
  nodes: string[];
  node: string;
  onNodeChange: (node: string) => void;
  kinds: HistoryKind[];
  onKindsChange: (kinds: HistoryKind[]) => void;
}

/** A node select and one toggle chip per kind of change. */
export function HistoryFilters(props: HistoryFiltersProps) {
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" mb={1}>
      <Box mr={2} minWidth={180}>
        <TextField
          select
          id="fleet-history-node-filter"
          label="Node"
          value={props.node}
          onChange={event => props.onNodeChange(event.target.value)}
          SelectProps={{ native: true }}
          inputProps={{ 'data-testid': 'history-node-filter' }}
          size="small"
          fullWidth
        >
          <option value="">All nodes</option>
          {props.nodes.map(node => (
            <option key={node} value={node}>
              {node}
            </option>
          ))}
        </TextField>
      </Box>
      <Box
        role="group"
        aria-label="Kinds of change"
        display="flex"
        flexWrap="wrap"
      >
        {HISTORY_KINDS.map(kind => {
          const selected = props.kinds.includes(kind);
          return (
            <Box key={kind} mr={0.5} my={0.5}>
              <Chip
                size="small"
                label={HISTORY_KIND_LABELS[kind]}
                color={selected ? 'primary' : 'default'}
                variant={selected ? 'default' : 'outlined'}
                clickable
                aria-pressed={selected}
                onClick={() =>
                  props.onKindsChange(toggleKind(props.kinds, kind))
                }
              />
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
