import {
  ClusterDetail,
  FigureSource,
  NodeStatus,
} from '@internal/plugin-fleet-common';
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
  source?: FigureSource;
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
