import {
  DRIFT_TYPE_LABELS,
  DriftFinding,
  DriftType,
  driftLabel,
  shortRevision,
} from '@fleet-portal/plugin-fleet-common';

// Shared with the server, which searches the fleet list on the same labels.
export {
  countDriftByType,
  driftLabel,
  shortRevision,
  type DriftTypeCount,
} from '@fleet-portal/plugin-fleet-common';

export const DRIFT_TYPES = Object.keys(DRIFT_TYPE_LABELS) as DriftType[];

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
