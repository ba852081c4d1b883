import { DriftFinding, DriftType } from '@internal/plugin-fleet-common';

/** Display order and short labels of drift finding types. */
const DRIFT_LABELS: Record<DriftType, string> = {
  'cluster-not-ready': 'Not ready',
  'k0s-version': 'k0s version',
  'k0s-build': 'k0s build',
  'node-image': 'Node image',
  'node-image-unknown': 'Image unknown',
  'dns-unsynced': 'DNS unsynced',
  'service-failed': 'Service failed',
  'git-pending': 'Git ahead',
  'flux-failing': 'Flux failing',
  'live-differs-from-git': 'Edited outside Git',
};

export const DRIFT_TYPES = Object.keys(DRIFT_LABELS) as DriftType[];

export function driftLabel(type: DriftType): string {
  return DRIFT_LABELS[type] ?? type;
}

export interface DriftTypeCount {
  type: DriftType;
  label: string;
  count: number;
}

/** Findings counted per type, in display order, omitting types with none. */
export function countDriftByType(
  findings: DriftFinding[] | undefined,
): DriftTypeCount[] {
  const counts = new Map<DriftType, number>();
  for (const finding of findings ?? []) {
    counts.set(finding.type, (counts.get(finding.type) ?? 0) + 1);
  }
  const known = DRIFT_TYPES.filter(type => counts.has(type));
  const unknown = [...counts.keys()].filter(
    type => !DRIFT_TYPES.includes(type),
  );
  return [...known, ...unknown].map(type => ({
    type,
    label: driftLabel(type),
    count: counts.get(type)!,
  }));
}

/** `main@sha1:0123456789abcdef…` → `main@0123456`. */
export function shortRevision(revision: string): string {
  const match = /^(.*)@sha1:([0-9a-f]{7})[0-9a-f]*$/.exec(revision);
  return match ? `${match[1]}@${match[2]}` : revision;
}

/** One sentence saying what drifted, for tooltips and lists. */
export function describeDrift(finding: DriftFinding): string {
  switch (finding.type) {
    case 'node-image':
      return `Node ${finding.node} runs ${finding.actual}, desired ${finding.desired}`;
    case 'node-image-unknown':
      return `Node ${finding.node}: image unknown (${finding.reason})`;
    case 'k0s-version':
      return `${(finding.nodes ?? []).length} node(s) run k0s ${
        finding.running
      }, desired ${finding.desired}`;
    case 'k0s-build':
      return `Control plane build ${finding.actual}, desired ${finding.desired}`;
    case 'dns-unsynced':
      return `${finding.kind} ${
        finding.fqdn ?? `${finding.namespace}/${finding.name}`
      } not synced${finding.reason ? ` (${finding.reason})` : ''}`;
    case 'cluster-not-ready':
      return `Cluster not ready${finding.reason ? `: ${finding.reason}` : ''}${
        finding.message ? ` (${finding.message})` : ''
      }`;
    case 'git-pending':
      return `Git is at ${shortRevision(finding.fetched)}${
        finding.ahead ? ` (${finding.ahead} ahead)` : ''
      }, ${finding.kustomization} applied ${
        finding.applied ? shortRevision(finding.applied) : 'nothing yet'
      }`;
    case 'live-differs-from-git':
      return `${finding.object} differs from ${finding.path} at ${shortRevision(
        finding.revision,
      )}: ${finding.fields.join(', ')}`;
    case 'service-failed':
      return `Service ${finding.namespace}/${finding.name} (${
        finding.template
      }) ${finding.state}${finding.message ? `: ${finding.message}` : ''}`;
    case 'flux-failing':
      return `Flux ${finding.kustomization}: ${finding.reason}${
        finding.message ? ` (${finding.message})` : ''
      }`;
    default:
      return driftLabel((finding as DriftFinding).type);
  }
}

/** Drift findings of the given types. */
export function driftOfTypes(
  findings: DriftFinding[] | undefined,
  types: DriftType[],
): DriftFinding[] {
  return (findings ?? []).filter(finding => types.includes(finding.type));
}
