import { useSearchParams } from 'react-router-dom';
import { useRequests } from '../../hooks/useRequests';
import { Notice } from '../Requests/Notice';
import { RequestsView } from '../Requests';

/** The `/fleet/requests` tab: every open request; `?branch=` marks one (the templates link it). */
export function FleetRequests() {
  const [searchParams] = useSearchParams();
  const branch = searchParams.get('branch') ?? undefined;
  const state = useRequests();
  const listed = state.value?.items.some(item => item.branch === branch);
  return (
    <>
      {branch && state.value?.mode === 'local' && !listed && (
        <Notice severity="info">
          Branch {branch} is not an open request: it is merged already, or was
          never committed (a dry run).
        </Notice>
      )}
      <RequestsView
        {...state}
        emptyText="No open requests."
        highlight={branch}
        showCluster
      />
    </>
  );
}
