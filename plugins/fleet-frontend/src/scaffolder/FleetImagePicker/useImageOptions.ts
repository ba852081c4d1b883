import {
  desiredVmImageName,
  findNamedCluster,
  NamedCluster,
  vmImageOptions,
} from '../options';
import { useFleetOptions } from '../useFleetOptions';
import { digestOfReference } from '../../lib/digest';

/**
 * VMImage names the fleet's VMs use; the named cluster's desired image first when known, with the
 * digest it pins (the inventory names the other VMs' images but not their digests).
 */
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
            ? {
                image: desired,
                cluster: found.ref.name,
                digest: digestOfReference(detail?.desiredImageFigure?.value),
              }
            : undefined,
        ),
      };
    },
    [cluster?.name, cluster?.namespace, cluster?.management],
  );
}
