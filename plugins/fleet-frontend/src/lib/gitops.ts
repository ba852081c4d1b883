import type {
  ClusterGitops,
  DriftFinding,
  GitopsTone,
} from '@fleet-portal/plugin-fleet-common';
import { shortRevision } from './drift';

// Shared with the server, which searches and sorts the fleet list on the same text.
export {
  gitopsGlance,
  type GitopsTone,
} from '@fleet-portal/plugin-fleet-common';

type GitPending = Extract<DriftFinding, { type: 'git-pending' }>;

/** `2 commits not applied yet: "Upgrade k0s…", "Scale…"`, when the backend read them from Git. */
export function pendingCommitsText(pending: GitPending | undefined): string {
  if (!pending?.ahead || !pending.commits?.length)
    return 'A merged change is not applied yet.';
  const titles = pending.commits.slice(0, 3).map(c => `"${c.title}"`);
  const more = pending.ahead - titles.length;
  return `${pending.ahead} ${
    pending.ahead === 1 ? 'commit' : 'commits'
  } not applied yet: ${titles.join(', ')}${
    more > 0 ? ` and ${more} more` : ''
  }.`;
}

/**
 * What a person reads first about a cluster's Git/Flux state, and how worried to be; `pending`
 * is the cluster's `git-pending` finding, which names the commits Git is ahead by.
 */
export function describeGitops(
  gitops: ClusterGitops,
  pending?: GitPending,
): {
  tone: GitopsTone;
  headline: string;
  detail?: string;
} {
  const name = gitops.kustomization.name;
  const applied = gitops.appliedRevision?.value;
  const fetched = gitops.fetchedRevision?.value;
  const ready = gitops.ready?.value;
  const appliedText = applied
    ? `applied ${shortRevision(applied)}`
    : 'nothing applied yet';
  if (gitops.suspended)
    return {
      tone: 'failing',
      headline: `Flux ${name} is suspended (${appliedText})`,
      detail: 'Merged changes wait until someone resumes it.',
    };
  if (ready?.status === 'False')
    return {
      tone: 'failing',
      headline: `Flux ${name} is failing: ${ready.reason ?? 'not ready'}`,
      detail: [
        ready.message,
        gitops.lastAttemptedRevision
          ? `Tried ${shortRevision(
              gitops.lastAttemptedRevision.value,
            )}; ${appliedText}.`
          : undefined,
      ]
        .filter(Boolean)
        .join(' '),
    };
  if (fetched && fetched !== applied)
    return {
      tone: 'pending',
      headline: `Git is at ${shortRevision(fetched)}${
        pending?.ahead ? ` (${pending.ahead} ahead)` : ''
      }; Flux ${name} ${appliedText}`,
      detail: pendingCommitsText(pending),
    };
  return {
    tone: 'ok',
    headline: `Flux ${name} ${appliedText}${fetched ? ', as Git has it' : ''}`,
  };
}
