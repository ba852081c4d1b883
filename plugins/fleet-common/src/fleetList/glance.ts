import type { DriftFinding, DriftType } from '../drift';
import type { ClusterSummary } from '../types';

/**
 * The short texts the fleet table shows for a cluster. They live here, not in the browser
 * only, because the server searches and sorts the fleet list on the very same texts.
 */

const DIGEST_HEX_SHOWN = 8;

/**
 * Shortens an OCI digest (or a `repo@digest` reference) for display:
 * `sha256:1a2b3c4d5e6f…` becomes `sha256:1a2b3c4d…`.
 */
export function shortDigest(digestOrReference: string | undefined): string {
  if (!digestOrReference) return '';
  const at = digestOrReference.lastIndexOf('@');
  const digest = at >= 0 ? digestOrReference.slice(at + 1) : digestOrReference;
  const colon = digest.indexOf(':');
  if (colon < 0) return digest;
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (hex.length <= DIGEST_HEX_SHOWN) return digest;
  return `${algorithm}:${hex.slice(0, DIGEST_HEX_SHOWN)}…`;
}

/** `main@sha1:0123456789abcdef…` → `main@0123456`. */
export function shortRevision(revision: string): string {
  const match = /^(.*)@sha1:([0-9a-f]{7})[0-9a-f]*$/.exec(revision);
  return match ? `${match[1]}@${match[2]}` : revision;
}

/** Display order and short labels of drift finding types. */
export const DRIFT_TYPE_LABELS: Record<DriftType, string> = {
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

const DRIFT_TYPE_ORDER = Object.keys(DRIFT_TYPE_LABELS) as DriftType[];

export function driftLabel(type: DriftType): string {
  return DRIFT_TYPE_LABELS[type] ?? type;
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
  const known = DRIFT_TYPE_ORDER.filter(type => counts.has(type));
  const unknown = [...counts.keys()].filter(
    type => !DRIFT_TYPE_ORDER.includes(type),
  );
  return [...known, ...unknown].map(type => ({
    type,
    label: driftLabel(type),
    count: counts.get(type)!,
  }));
}

export type GitopsTone = 'ok' | 'pending' | 'failing';

type GitPending = Extract<DriftFinding, { type: 'git-pending' }>;

/** The fleet table's Git/Flux cell: how worried to be, in a few words. */
export function gitopsGlance(cluster: ClusterSummary): {
  tone: GitopsTone | 'none';
  text: string;
} {
  const gitops = cluster.gitops;
  if (!gitops)
    return cluster.gitopsProblem
      ? { tone: 'failing', text: 'unreadable' }
      : { tone: 'none', text: '—' };
  const applied = gitops.appliedRevision?.value;
  const appliedText = applied ? shortRevision(applied) : 'nothing applied';
  if (gitops.suspended) return { tone: 'failing', text: 'suspended' };
  if (gitops.ready?.value.status === 'False')
    return {
      tone: 'failing',
      text: `failing: ${gitops.ready.value.reason ?? 'not ready'}`,
    };
  const pending = (cluster.drift ?? []).find(
    (f): f is GitPending => f.type === 'git-pending',
  );
  if (pending)
    return {
      tone: 'pending',
      text: `${
        pending.ahead ? `${pending.ahead} ahead` : 'Git ahead'
      } of ${appliedText}`,
    };
  return { tone: 'ok', text: appliedText };
}

/** The fleet table's services cell (`2 / 3 deployed, 1 failed`); empty without counts. */
export function servicesGlance(cluster: ClusterSummary): {
  services: string;
  /** Services failed or provisioning, to sort the worst first. */
  servicesNotDeployed: number;
} {
  const counts = cluster.serviceCounts;
  if (!counts) return { services: '', servicesNotDeployed: 0 };
  const failed = counts.byState?.Failed ?? 0;
  const provisioning = counts.byState?.Provisioning ?? 0;
  const notes = [
    failed > 0 && `${failed} failed`,
    provisioning > 0 && `${provisioning} provisioning`,
  ].filter(Boolean);
  return {
    services: [
      `${counts.byState?.Deployed ?? 0} / ${counts.total} deployed`,
      ...notes,
    ].join(', '),
    servicesNotDeployed: failed + provisioning,
  };
}
