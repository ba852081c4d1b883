import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { fleetApiRef, RequestsQuery } from '../api';

/** The templates' requests (all of them, or one cluster's), reloadable with `retry`. */
export function useRequests(query: RequestsQuery = {}) {
  const api = useApi(fleetApiRef);
  return useAsyncRetry(
    () => api.listRequests(query),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, query.cluster, query.state, query.mine],
  );
}
