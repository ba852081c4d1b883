import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ClusterListResponse } from '@fleet-portal/plugin-fleet-common';
import type { RepoReader } from '../gitops/changeSet';
import {
  getFleetJson,
  whyFleetFailed,
  type FleetHttpAccess,
} from '../fleet/fleetHttp';
import type { RequestedCluster } from '../fleet/requestPermission';
import { fieldError } from '../validation/fieldError';
import { namespacesFiling } from './clusterDeploymentFile';

/**
 * The clusters new VMs join, for the permission check. The VMs' label and join token name the
 * cluster, not its namespace, so: every namespace the checkout files a cluster of that name
 * under; when it files none, the clusters of that name the fleet shows the initiator. A field
 * error when neither knows it: VMs join an existing cluster.
 */
export async function clustersTheVmsJoin(
  cluster: string,
  repo: RepoReader,
  fleet: FleetHttpAccess | undefined,
  credentials: () => Promise<BackstageCredentials>,
): Promise<RequestedCluster[]> {
  const filed = namespacesFiling(cluster, repo);
  if (filed.length > 0)
    return filed.map(namespace => ({ namespace, name: cluster }));
  const unknown = (why: string) =>
    fieldError(
      'cluster',
      `cluster ${cluster} is not in the GitOps repo (no clusters/<namespace>/${cluster}/clusterdeployment.yaml) and ${why}, so permission fleet.cluster.request on it cannot be checked`,
    );
  if (!fleet) throw unknown('the action was created without the fleet backend');
  let list: ClusterListResponse;
  try {
    list = await getFleetJson(fleet, await credentials(), '/clusters');
  } catch (error) {
    throw unknown(`the fleet could not be asked: ${whyFleetFailed(error)}`);
  }
  const found = list.items.filter(item => item.ref.name === cluster);
  if (found.length === 0)
    throw unknown('the fleet shows no cluster of that name');
  return found.map(({ ref }) => ({ ...ref }));
}
