import {
  ClusterDetail,
  FigureSource,
  NodeStatus,
  NodeVmMatchRule,
} from '@fleet-portal/plugin-fleet-common';
import { shortDigest } from './digest';

export interface NodeRow {
  name: string;
  roles: string;
  ready: boolean;
  kairosVersion?: string;
  /** Short digest, or undefined when unknown. */
  imageDigest?: string;
  imageReference?: string;
  /** Why the digest is unknown. */
  imageUnknownReason?: string;
  imageSources: FigureSource[];
  kubeletVersion?: string;
  /** The VirtualMachine the node runs on, and the rule that tied them, or why none is. */
  vm?: { name: string; matchedBy?: string };
  vmProblem?: string;
  source?: FigureSource;
}

const MATCH_RULE_WORDS: Record<NodeVmMatchRule, string> = {
  'provider-id': 'spec.providerID',
  name: 'name',
  ip: 'InternalIP',
};

function vmOf(node: NodeStatus): NodeRow['vm'] {
  if (!node.virtualMachine) return undefined;
  return {
    name: node.virtualMachine.name,
    matchedBy: node.vmMatch
      ? `matched by ${MATCH_RULE_WORDS[node.vmMatch.rule]}: ${
          node.vmMatch.evidence
        }`
      : undefined,
  };
}

function toNodeRow(node: NodeStatus): NodeRow {
  const image = node.image;
  return {
    name: node.name,
    roles: (node.roles ?? []).join(', '),
    ready: node.ready === true,
    kairosVersion: node.kairos?.version,
    imageDigest: image?.known ? shortDigest(image.digest) : undefined,
    imageReference: image?.reference,
    imageUnknownReason: image?.known
      ? undefined
      : image?.reason ?? 'the backend reported no image for this node',
    imageSources: image?.sources ?? [],
    kubeletVersion: node.kubeletVersion,
    vm: vmOf(node),
    vmProblem: node.vmMatchProblem,
    source: node.source,
  };
}

/** One row per node, control plane first, then by name. */
export function deriveNodeRows(cluster: ClusterDetail): NodeRow[] {
  const isControlPlane = (node: NodeStatus) =>
    (node.roles ?? []).some(
      role => role === 'control-plane' || role === 'master',
    );
  return [...(cluster.nodeStatuses ?? [])]
    .sort(
      (a, b) =>
        Number(isControlPlane(b)) - Number(isControlPlane(a)) ||
        a.name.localeCompare(b.name),
    )
    .map(toNodeRow);
}
