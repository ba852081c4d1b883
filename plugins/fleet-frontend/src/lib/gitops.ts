import type { ClusterGitops } from '@internal/plugin-fleet-common';
import { shortRevision } from './drift';

export type GitopsTone = 'ok' | 'pending' | 'failing';

/** What a person reads first about a cluster's Git/Flux state, and how worried to be. */
export function describeGitops(gitops: ClusterGitops): {
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
      headline: `Git is at ${shortRevision(
        fetched,
      )}; Flux ${name} ${appliedText}`,
      detail: 'A merged change is not applied yet.',
    };
  return {
    tone: 'ok',
    headline: `Flux ${name} ${appliedText}${fetched ? ', as Git has it' : ''}`,
  };
}
