import { useMemo, useState } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EmptyState } from '@backstage/core-components';
import { HistoryEntry, HistoryKind } from '@fleet-portal/plugin-fleet-common';
import {
  filterHistory,
  historyEntryLabel,
  historyNodes,
} from '../../lib/history';
import { FigureSourceTooltip } from '../shared/FigureSourceTooltip';
import { ReadTime } from '../shared/ReadTime';
import { HistoryFilters } from './HistoryFilters';
import { HistoryValue } from './HistoryValue';
import { HISTORY_LIMIT } from './useClusterHistory';

/** The cluster's changes, newest first, filtered by node and kind. */
export function HistoryTimeline(props: { entries: HistoryEntry[] }) {
  const { entries } = props;
  const [node, setNode] = useState('');
  const [kinds, setKinds] = useState<HistoryKind[]>([]);
  const nodes = useMemo(() => historyNodes(entries), [entries]);
  const shown = useMemo(
    () => filterHistory(entries, { node: node || undefined, kinds }),
    [entries, node, kinds],
  );

  if (entries.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No changes recorded for this cluster yet"
        description="Fleet Portal records a change when it first sees it: nodes joining or leaving, images, kubelet versions, DNS sync and health."
      />
    );
  }
  return (
    <>
      <HistoryFilters
        nodes={nodes}
        node={node}
        onNodeChange={setNode}
        kinds={kinds}
        onKindsChange={setKinds}
      />
      {shown.length === 0 ? (
        <EmptyState missing="data" title="No changes match these filters" />
      ) : (
        <Table size="small" aria-label="Cluster history">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Change</TableCell>
              <TableCell>Subject</TableCell>
              <TableCell>Previous → new</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((entry, index) => (
              <TableRow
                key={`${entry.observedAt}-${entry.kind}-${entry.subject}-${index}`}
                data-testid="history-row"
                data-kind={entry.kind}
              >
                <TableCell>
                  <ReadTime iso={entry.observedAt} />
                </TableCell>
                <TableCell>
                  <FigureSourceTooltip sources={entry.source}>
                    <span>{historyEntryLabel(entry)}</span>
                  </FigureSourceTooltip>
                </TableCell>
                <TableCell>{entry.subject}</TableCell>
                <TableCell>
                  <HistoryValue kind={entry.kind} value={entry.previous} />
                  {' → '}
                  <HistoryValue kind={entry.kind} value={entry.value} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {entries.length >= HISTORY_LIMIT && (
        <Typography variant="caption" color="textSecondary">
          Showing the latest {HISTORY_LIMIT} changes.
        </Typography>
      )}
    </>
  );
}
