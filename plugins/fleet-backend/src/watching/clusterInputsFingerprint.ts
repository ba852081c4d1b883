import type { KubeObject } from '../reading/KubeReader';
import type { ManagementReadContext } from '../service/readOneCluster';

const revisions = (objects: Iterable<KubeObject> | undefined) =>
  [...(objects ?? [])]
    .map(
      o =>
        `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}@${
          o.metadata?.resourceVersion ?? ''
        }`,
    )
    .sort()
    .join(',');

/**
 * What one cluster is derived from on the management and DNS side, as revisions: when it is
 * unchanged, nothing the cluster shows from there changed, so the cluster is not derived again.
 */
export function clusterInputsFingerprint(
  context: ManagementReadContext,
  clusterDeployment: KubeObject,
  key: string,
): string {
  const { index, dnsAssignment } = context;
  const namespace = clusterDeployment.metadata?.namespace ?? '';
  return [
    revisions([clusterDeployment]),
    revisions(index.controlPlanesByCluster.get(key)),
    revisions(index.vmsByCluster.get(key)),
    [...(index.vmOwnershipByCluster.get(key)?.entries() ?? [])].join(),
    (index.ownershipProblemsByCluster.get(key) ?? []).join(),
    revisions(index.vmImagesByNamespace.get(namespace)?.values()),
    revisions(dnsAssignment.byCluster.get(key)?.records.map(r => r.object)),
    (dnsAssignment.problemsByCluster.get(key) ?? []).join(),
  ].join('|');
}
