import {
  FLEET_LABELS,
  type VmOwnershipRule,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';

export const CAPI_CLUSTER_LABEL = 'cluster.x-k8s.io/cluster-name';

/** Owner kinds whose name is the cluster's: the CAPI Cluster and the ClusterDeployment share it. */
const CLUSTER_OWNER_KINDS = [
  { kind: 'Cluster', group: 'cluster.x-k8s.io' },
  { kind: 'ClusterDeployment', group: 'k0rdent.mirantis.com' },
];

export type VmOwner =
  | { cluster: string; rule: VmOwnershipRule }
  /** Its conventions name different clusters: counted for none, reported to each. */
  | { conflict: string; clusters: string[] }
  | undefined;

function ownerReferenceCluster(vm: KubeObject): string | undefined {
  const refs = (vm.metadata as { ownerReferences?: unknown })?.ownerReferences;
  if (!Array.isArray(refs)) return undefined;
  for (const ref of refs) {
    const group = String(ref?.apiVersion ?? '').split('/')[0];
    if (
      typeof ref?.name === 'string' &&
      CLUSTER_OWNER_KINDS.some(o => o.kind === ref.kind && o.group === group)
    )
      return ref.name;
  }
  return undefined;
}

/**
 * The cluster a VirtualMachine belongs to (in its own namespace), by Fleet Portal's label, the
 * Cluster API label or an owner reference, with the rule that said so.
 */
export function vmOwner(vm: KubeObject): VmOwner {
  const labels = vm.metadata?.labels ?? {};
  const claims: Array<{
    cluster: string;
    rule: VmOwnershipRule;
    says: string;
  }> = [];
  const claim = (cluster: unknown, rule: VmOwnershipRule, says: string) => {
    if (typeof cluster === 'string' && cluster.length > 0)
      claims.push({ cluster, rule, says: `${says}${cluster}` });
  };
  claim(
    labels[FLEET_LABELS.cluster],
    'fleet-label',
    `label ${FLEET_LABELS.cluster}=`,
  );
  claim(
    labels[CAPI_CLUSTER_LABEL],
    'capi-label',
    `label ${CAPI_CLUSTER_LABEL}=`,
  );
  claim(ownerReferenceCluster(vm), 'owner-reference', 'an owner reference to ');
  if (claims.length === 0) return undefined;
  const clusters = [...new Set(claims.map(c => c.cluster))];
  if (clusters.length === 1)
    return { cluster: claims[0].cluster, rule: claims[0].rule };
  return {
    clusters,
    conflict: `VirtualMachine ${vm.metadata?.namespace}/${
      vm.metadata?.name
    } is claimed by different clusters (${claims
      .map(c => c.says)
      .join(', ')}): it is counted for none until they agree`,
  };
}
