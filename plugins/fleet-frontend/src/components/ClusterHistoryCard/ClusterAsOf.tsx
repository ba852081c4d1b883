import { useState } from 'react';
import { Entity } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { CopyTextButton, EmptyState } from '@backstage/core-components';
import { ClusterStateAt } from '@fleet-portal/plugin-fleet-common';
import { isNotFound } from '../../lib/errors';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/history';
import { absoluteTime } from '../../lib/time';
import { ClusterPendingPanel } from '../shared/ClusterPendingPanel';
import { FigureSourceTooltip } from '../shared/FigureSourceTooltip';
import { ReadTime } from '../shared/ReadTime';
import { HistoryValue } from './HistoryValue';
import { useClusterStateAt } from './useClusterStateAt';

/** Picks a date and time and shows the cluster as it was then. */
export function ClusterAsOf(props: { entity: Entity; initial?: Date }) {
  const [input, setInput] = useState(() =>
    toDateTimeLocal(props.initial ?? new Date()),
  );
  const at = fromDateTimeLocal(input);
  const state = useClusterStateAt(props.entity, at);

  let body;
  if (!at) {
    body = (
      <Typography variant="body2" color="textSecondary">
        Pick a date and time to see the cluster as it was then.
      </Typography>
    );
  } else if (state.status === 'error' && isNotFound(state.error)) {
    body = (
      <EmptyState
        missing="data"
        title={`Nothing recorded for this cluster by ${absoluteTime(at)}`}
        description="History starts when Fleet Portal first read the cluster."
      />
    );
  } else if (state.status !== 'loaded') {
    body = <ClusterPendingPanel state={state} />;
  } else if (state.value) {
    body = <ClusterStateView state={state.value} />;
  }

  return (
    <>
      <Box mb={2} maxWidth={280}>
        <TextField
          id="fleet-history-as-of"
          label="As of"
          type="datetime-local"
          value={input}
          onChange={event => setInput(event.target.value)}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'history-as-of-input' }}
          helperText="Your local time"
          fullWidth
        />
      </Box>
      {body}
    </>
  );
}

function Since(props: { iso: string }) {
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      since <ReadTime iso={props.iso} />
    </Typography>
  );
}

function ClusterStateView(props: { state: ClusterStateAt }) {
  const { state } = props;
  return (
    <>
      <Box mb={1} data-testid="as-of-health">
        <Typography variant="body2" component="span">
          Health: {state.health?.value ?? 'unknown'}
        </Typography>
        {state.health && <Since iso={state.health.since} />}
      </Box>
      {state.nodes.length === 0 ? (
        <EmptyState missing="data" title="No nodes in the cluster then" />
      ) : (
        <Table size="small" aria-label="Nodes as of the chosen time">
          <TableHead>
            <TableRow>
              <TableCell>Node</TableCell>
              <TableCell>Image</TableCell>
              <TableCell>Kubelet</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {state.nodes.map(node => (
              <TableRow key={node.name} data-testid="as-of-node-row">
                <TableCell>
                  {node.name}
                  <Since iso={node.since} />
                </TableCell>
                <TableCell>
                  {node.image ? (
                    <>
                      <FigureSourceTooltip sources={node.image.source}>
                        <span>
                          <HistoryValue
                            kind="node-image"
                            value={node.image.value}
                          />
                        </span>
                      </FigureSourceTooltip>
                      <CopyTextButton
                        text={node.image.value}
                        aria-label={`Copy image of ${node.name}`}
                      />
                      <Since iso={node.image.since} />
                    </>
                  ) : (
                    'unknown'
                  )}
                </TableCell>
                <TableCell>
                  {node.kubeletVersion ? (
                    <>
                      <FigureSourceTooltip sources={node.kubeletVersion.source}>
                        <span>{node.kubeletVersion.value}</span>
                      </FigureSourceTooltip>
                      <Since iso={node.kubeletVersion.since} />
                    </>
                  ) : (
                    'unknown'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {state.records.length > 0 && (
        <Box mt={2}>
          <Table size="small" aria-label="DNS records as of the chosen time">
            <TableHead>
              <TableRow>
                <TableCell>DNS record</TableCell>
                <TableCell>State</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {state.records.map(record => (
                <TableRow key={record.subject} data-testid="as-of-record-row">
                  <TableCell>{record.subject}</TableCell>
                  <TableCell>
                    {record.state}
                    <Since iso={record.since} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </>
  );
}
