import { ClusterDetail, FigureSource } from '@fleet-portal/plugin-fleet-common';
import { imageMatchesDesired, repositoryOfReference } from './digest';

export interface NodeImageGroup {
  reference: string;
  repository: string;
  digest: string;
  nodes: string[];
  sources: FigureSource[];
  /** Undefined when no desired image is known. */
  matchesDesired?: boolean;
}

export interface UnknownNodeImage {
  node: string;
  reason: string;
  /** A reference without digest, when one was found. */
  reference?: string;
  sources: FigureSource[];
}

export interface NodeImageRollout {
  node: string;
  image: string;
  phase: string;
  message?: string;
}

export interface KairosImageView {
  desired?: { reference: string; source?: FigureSource };
  groups: NodeImageGroup[];
  unknown: UnknownNodeImage[];
  rollouts: NodeImageRollout[];
  /** Nodes run an image other than the desired one. */
  drift: boolean;
}

/** Groups a cluster's nodes by the image they run and compares each image with the desired one. */
export function deriveKairosImages(cluster: ClusterDetail): KairosImageView {
  const desiredReference =
    cluster.desiredImageFigure?.value ?? cluster.desiredImage;
  const desired = desiredReference
    ? {
        reference: desiredReference,
        source: cluster.desiredImageFigure?.source,
      }
    : undefined;

  const groups = new Map<string, NodeImageGroup>();
  const unknown: UnknownNodeImage[] = [];
  const rollouts: NodeImageRollout[] = [];
  for (const node of cluster.nodeStatuses ?? []) {
    if (node.rollout) {
      rollouts.push({ node: node.name, ...node.rollout });
    }
    const image = node.image;
    if (!image || !image.known) {
      unknown.push({
        node: node.name,
        reason: image?.reason ?? 'the backend reported no image for this node',
        reference: image?.reference,
        sources: image?.sources ?? [],
      });
      continue;
    }
    const group = groups.get(image.reference) ?? {
      reference: image.reference,
      repository: image.repository ?? repositoryOfReference(image.reference),
      digest: image.digest,
      nodes: [],
      sources: [],
      matchesDesired: desired
        ? imageMatchesDesired(image.reference, desired.reference)
        : undefined,
    };
    group.nodes.push(node.name);
    group.sources.push(...(image.sources ?? []));
    groups.set(image.reference, group);
  }

  const sortedGroups = [...groups.values()].sort(
    (a, b) =>
      b.nodes.length - a.nodes.length || a.reference.localeCompare(b.reference),
  );
  const reportedImageDrift = (cluster.drift ?? []).some(
    finding => finding.type === 'node-image',
  );
  return {
    desired,
    groups: sortedGroups,
    unknown,
    rollouts,
    drift:
      reportedImageDrift ||
      sortedGroups.some(group => group.matchesDesired === false),
  };
}
