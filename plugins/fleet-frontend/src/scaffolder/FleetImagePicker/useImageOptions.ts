import {
  desiredVmImageName,
  findNamedCluster,
  NamedCluster,
  vmImageOptions,
} from '../options';
import { useFleetOptions } from '../useFleetOptions';

/** VMImage names the fleet's VMs use; the named cluster's desired image first when known. */
export function useImageOptions(cluster: NamedCluster | undefined) {
  return useFleetOptions(
    async api => {
      const inventory = (await api.listInventory()).items;
      const found = findNamedCluster(inventory, cluster);
      // The desired image's VMImage name is only in the cluster's detail; without it, VMs suffice.
      const detail = found
        ? await api.getCluster(found.ref).catch(() => undefined)
        : undefined;
      const desired = detail ? desiredVmImageName(detail) : undefined;
      return {
        options: vmImageOptions(
          inventory,
          desired && found
            ? { image: desired, cluster: found.ref.name }
            : undefined,
        ),
      };
    },
    [cluster?.name, cluster?.namespace],
  );
}
