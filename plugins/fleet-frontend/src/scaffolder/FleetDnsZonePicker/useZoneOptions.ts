import { NamedCluster, zoneOptions } from '../options';
import { useFleetOptions } from '../useFleetOptions';

/** Every DNS zone of the fleet, the named cluster's zones first. */
export function useZoneOptions(cluster: NamedCluster | undefined) {
  return useFleetOptions(
    async api => ({
      options: zoneOptions((await api.listInventory()).items, cluster),
    }),
    [cluster?.name, cluster?.namespace, cluster?.management],
  );
}
