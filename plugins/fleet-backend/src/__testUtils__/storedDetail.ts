import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import type { FleetStore } from '../service/FleetStore';

/** A simulated cluster's detail as the store holds it after a refresh; throws when it is absent. */
export async function storedDetail(
  store: Pick<FleetStore, 'getCluster'>,
  cluster: { namespace: string; name: string },
  management = 'mgmt',
): Promise<ClusterDetail> {
  const found = await store.getCluster({
    management,
    namespace: cluster.namespace,
    name: cluster.name,
  });
  if (!found)
    throw new Error(
      `cluster ${management}/${cluster.namespace}/${cluster.name} is not in the store`,
    );
  return found;
}
