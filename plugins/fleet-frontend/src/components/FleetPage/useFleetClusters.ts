import { useApi } from '@backstage/core-plugin-api';
import { fleetApiRef } from '../../api';
import { useLiveAsync } from '../../hooks/useFleetChanges';

/**
 * Every cluster of the fleet and the state of each configured source, read again (the last
 * list staying on the page meanwhile) at each change of the fleet the backend signals.
 */
export function useFleetClusters() {
  const fleetApi = useApi(fleetApiRef);
  return useLiveAsync(() => fleetApi.listClusters(), [fleetApi]);
}
