import { findNamedCluster, k0sVersionOptions, NamedCluster } from '../options';
import { useFleetOptions } from '../useFleetOptions';

/** What the picker knows about the form's cluster. */
export interface K0sTarget {
  cluster: string;
  /** The cluster's desired k0s version now. */
  current?: string;
}

/**
 * k0s versions the fleet mentions; with a cluster named in the form, only valid upgrades from its
 * desired version.
 */
export function useK0sVersionOptions(cluster: NamedCluster | undefined) {
  return useFleetOptions<K0sTarget>(
    async api => {
      const clusters = (await api.listClusters()).items;
      const found = findNamedCluster(clusters, cluster);
      const current = found?.k0s?.desired;
      let note: string | undefined;
      if (cluster && !found) {
        note = `${cluster.name} is not in the fleet: every known version is listed.`;
      } else if (found && !current) {
        note = `${found.ref.name} has no desired k0s version: every known version is listed.`;
      } else if (found && current) {
        note = `${found.ref.name} is at ${current} now; the versions listed are valid upgrades from it.`;
      }
      return {
        options: k0sVersionOptions(clusters, current),
        note,
        extra: found ? { cluster: found.ref.name, current } : undefined,
      };
    },
    [cluster?.name, cluster?.namespace, cluster?.management],
  );
}
