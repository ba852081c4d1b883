import { useSearchParams } from 'react-router-dom';
import { RequestListState } from '../../api';
import { useRequests } from '../../hooks/useRequests';
import { Notice } from '../Requests/Notice';
import { RequestsView } from '../Requests';
import { RequestFilters, requestListState } from '../Requests/RequestFilters';

const EMPTY_TEXT: Record<RequestListState, string> = {
  active: 'No requests in progress.',
  open: 'No requests waiting for review.',
  all: 'No requests yet.',
};

/**
 * The `/fleet/requests` tab: requests on their way to the fleet (`?state=`, `?mine=true`);
 * `?branch=` marks one (the templates link it).
 */
export function FleetRequests() {
  const [searchParams, setSearchParams] = useSearchParams();
  const branch = searchParams.get('branch') ?? undefined;
  const listState = requestListState(searchParams.get('state'));
  const mine = searchParams.get('mine') === 'true';
  const state = useRequests({ state: listState, mine });
  const listed = state.value?.items.some(item => item.branch === branch);

  const change = (next: { state?: RequestListState; mine?: boolean }) => {
    const params = new URLSearchParams(searchParams);
    if (next.state) params.set('state', next.state);
    if (next.mine !== undefined) {
      if (next.mine) params.set('mine', 'true');
      else params.delete('mine');
    }
    setSearchParams(params, { replace: true });
  };

  return (
    <>
      <RequestFilters state={listState} mine={mine} onChange={change} />
      {branch && state.value && !listed && (
        <Notice severity="info">
          {listState === 'all'
            ? `Branch ${branch} is not a request: it was never committed (a dry run).`
            : `Branch ${branch} is not among these requests: it may be reconciled already (show all), or was never committed (a dry run).`}
        </Notice>
      )}
      <RequestsView
        {...state}
        emptyText={EMPTY_TEXT[listState]}
        highlight={branch}
        showCluster
      />
    </>
  );
}
