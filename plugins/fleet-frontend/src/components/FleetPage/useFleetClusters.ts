import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { fleetApiRef } from '../../api';

/** Every cluster of the fleet and the state of each configured source. */
export function useFleetClusters() {
  const fleetApi = useApi(fleetApiRef);
  return useAsyncRetry(() => fleetApi.listClusters(), [fleetApi]);
}
