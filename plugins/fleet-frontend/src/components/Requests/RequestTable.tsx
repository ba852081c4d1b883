import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import {
  GitopsRequestItem,
  GitopsRequestsMode,
  RequestJourney,
} from '@fleet-portal/plugin-fleet-common';
import { entityRefName } from '../../lib/requests';
import { ReadTime } from '../shared/ReadTime';
import { MergeRequestState } from './useMergeRequest';

export interface RequestTableProps {
  items: GitopsRequestItem[];
  /** Merge buttons only in local mode: on GitHub, pull requests are merged there. */
  mode: GitopsRequestsMode;
  mergeState: MergeRequestState;
  /** A branch to mark (the page's `?branch=`). */
  highlight?: string;
  /** Show each request's cluster (the page lists every cluster's). */
  showCluster?: boolean;
}

/** Where a request is, what it waits for, and why it failed when it did. */
function JourneyState(props: { journey: RequestJourney }) {
  const { journey } = props;
  const failure = journey.steps.find(step => step.state === 'failed');
  return (
    <>
      <Typography variant="body2" style={{ whiteSpace: 'nowrap' }}>
        {journey.state}
      </Typography>
      {failure && (
        <Typography variant="caption" color="error" display="block">
          {failure.reason}
          {failure.message ? `: ${failure.message}` : ''}
        </Typography>
      )}
      {journey.waitingFor && (
        <Typography variant="caption" color="textSecondary" display="block">
          waiting for {journey.waitingFor}
        </Typography>
      )}
    </>
  );
}

/** Requests, newest first: where each is, and a Merge button while one waits for review (local mode). */
export function RequestTable(props: RequestTableProps) {
  const { mergeState } = props;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Request</TableCell>
          {props.showCluster && <TableCell>Cluster</TableCell>}
          <TableCell>Template</TableCell>
          <TableCell>Requested by</TableCell>
          <TableCell>Age</TableCell>
          <TableCell>State</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(item => (
          <TableRow
            key={item.branch}
            data-testid="fleet-request-row"
            selected={item.branch === props.highlight}
          >
            <TableCell>
              <Typography variant="body2">{item.title}</Typography>
              <Typography variant="caption" color="textSecondary">
                {item.pullRequest && (
                  <>
                    <Link to={item.pullRequest.url}>
                      pull request #{item.pullRequest.number}
                    </Link>{' '}
                  </>
                )}
                <code>{item.branch}</code>
              </Typography>
            </TableCell>
            {props.showCluster && <TableCell>{item.cluster ?? ''}</TableCell>}
            <TableCell>
              {entityRefName(item.template)}
              {item.templateVersion && ` ${item.templateVersion}`}
            </TableCell>
            <TableCell>{entityRefName(item.requestedBy)}</TableCell>
            <TableCell>
              <ReadTime iso={item.committedAt} />
            </TableCell>
            <TableCell data-testid="fleet-request-state">
              <JourneyState journey={item.journey} />
            </TableCell>
            <TableCell align="right">
              {props.mode === 'local' && item.journey.state === 'opened' && (
                <Button
                  variant="outlined"
                  color="primary"
                  size="small"
                  aria-label={`Merge ${item.branch}`}
                  disabled={
                    !mergeState.canMerge || mergeState.merging !== undefined
                  }
                  onClick={() => mergeState.merge(item.branch)}
                >
                  {mergeState.merging === item.branch ? 'Merging…' : 'Merge'}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
