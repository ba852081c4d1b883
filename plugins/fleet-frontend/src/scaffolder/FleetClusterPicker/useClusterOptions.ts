import { clusterOptions } from '../options';
import { useFleetOptions } from '../useFleetOptions';

/** Every cluster of the fleet, as picker options. */
export function useClusterOptions() {
  return useFleetOptions(
    async api => ({
      options: clusterOptions((await api.listClusters()).items),
    }),
    [],
  );
}
