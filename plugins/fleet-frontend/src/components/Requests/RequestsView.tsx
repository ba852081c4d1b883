import Typography from '@material-ui/core/Typography';
import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { GitopsRequestListResponse } from '@fleet-portal/plugin-fleet-common';
import {
  FLEET_MERGE_PERMISSION_NAME,
  FLEET_READ_PERMISSION_NAME,
} from '../../constants';
import { isPermissionDenied } from '../../lib/errors';
import { GITHUB_MODE_TEXT } from '../../lib/requests';
import { Notice } from './Notice';
import { RequestTable } from './RequestTable';
import { MergeRequestState, useMergeRequest } from './useMergeRequest';

export interface RequestsViewProps {
  loading: boolean;
  error?: Error;
  value?: GitopsRequestListResponse;
  retry: () => void;
  /** What an empty list says. */
  emptyText: string;
  highlight?: string;
  showCluster?: boolean;
}

/** A list of requests with their Merge buttons and what the last merge did. */
export function RequestsView(props: RequestsViewProps) {
  const mergeState = useMergeRequest(props.retry);
  const { outcome } = mergeState;
  return (
    <>
      {outcome && <Notice severity={outcome.severity}>{outcome.text}</Notice>}
      <RequestsBody {...props} mergeState={mergeState} />
    </>
  );
}

function RequestsBody(
  props: RequestsViewProps & {
    mergeState: MergeRequestState;
  },
) {
  const { error, value } = props;
  if (error) {
    return isPermissionDenied(error) ? (
      <WarningPanel
        severity="warning"
        title="Permission denied"
        message={`You lack the ${FLEET_READ_PERMISSION_NAME} permission needed to list requests.`}
      />
    ) : (
      <ResponseErrorPanel error={error} />
    );
  }
  if (!value) return <Progress />;
  const githubHint = value.mode === 'github' && (
    <Typography variant="caption" color="textSecondary" display="block">
      {GITHUB_MODE_TEXT}
    </Typography>
  );
  if (value.items.length === 0) {
    return (
      <>
        <Typography variant="body2">{props.emptyText}</Typography>
        {githubHint}
      </>
    );
  }
  return (
    <>
      {githubHint}
      <RequestTable
        mode={value.mode}
        items={value.items}
        mergeState={props.mergeState}
        highlight={props.highlight}
        showCluster={props.showCluster}
      />
      {props.mergeState.mergeDenied && (
        <Typography variant="caption" color="textSecondary">
          Merging needs the {FLEET_MERGE_PERMISSION_NAME} permission.
        </Typography>
      )}
    </>
  );
}
