/**
 * How the backend tied an object to a cluster, for a fleet it did not create: each answer
 * names the rule that matched, as every figure names its source.
 */

/** Why a VirtualMachine belongs to a cluster, strongest convention first. */
export type VmOwnershipRule =
  /** Fleet Portal's `fleetportal.io/cluster` label. */
  | 'fleet-label'
  /** Cluster API's `cluster.x-k8s.io/cluster-name` label. */
  | 'capi-label'
  /** An owner reference to the CAPI Cluster or the ClusterDeployment of that name. */
  | 'owner-reference';

/** How a node was matched to its VirtualMachine. */
export type NodeVmMatchRule =
  /** The node's `spec.providerID` ends with the VM's `status.id`. */
  | 'provider-id'
  /** The VM has the node's name (Kairos sets the hostname). */
  | 'name'
  /** One of the VM's `status.ips` is the node's `InternalIP`. */
  | 'ip';

export interface NodeVmMatch {
  rule: NodeVmMatchRule;
  /** What matched, in words: `spec.providerID vsphere://4203… = VirtualMachine status.id`. */
  evidence: string;
}

/** A label key whose value is the cluster's name, or a DNS suffix the cluster carries. */
export type DnsOwnershipRule =
  | { type: 'label'; key: string }
  | {
      type: 'fqdn-suffix';
      /** The ClusterDeployment label or annotation holding the suffix. */
      from: string;
    };

/** Why a DNS record is listed under a cluster. */
export interface DnsRecordOwnership {
  rule: DnsOwnershipRule;
  /** e.g. `label fleetportal.io/cluster=edge-1` or `FQDN api.edge-1.example.com ends with edge-1.example.com`. */
  evidence: string;
}

/** The rule Fleet Portal's own manifests satisfy; the default when none is configured. */
export const DEFAULT_DNS_OWNERSHIP_RULES: DnsOwnershipRule[] = [
  { type: 'label', key: 'fleetportal.io/cluster' },
];
