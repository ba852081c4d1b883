import type {
  ClusterDetail,
  ClusterGitops,
  GitopsProblem,
} from '@fleet-portal/plugin-fleet-common';

/**
 * The cluster's detail with why its Git/Flux state is unknown: Flux could not be read on its
 * management cluster, or a Kustomization's inventory is malformed so whether it applies the
 * cluster cannot be told. A cluster whose Kustomization was found needs no such note.
 */
export function withGitopsProblem(
  detail: ClusterDetail,
  fluxProblem: GitopsProblem | undefined,
  kustomizations: ClusterGitops[],
): ClusterDetail {
  if (fluxProblem) return { ...detail, gitopsProblem: fluxProblem };
  if (detail.gitops) return detail;
  const malformed = kustomizations.filter(k => k.inventoryProblem);
  if (malformed.length === 0) return detail;
  return {
    ...detail,
    gitopsProblem: {
      during: 'finding the Flux Kustomization that applies the cluster',
      message: malformed
        .map(
          k =>
            `Kustomization ${k.kustomization.namespace}/${k.kustomization.name}: ${k.inventoryProblem}`,
        )
        .join('; '),
      at: detail.read.lastAttemptAt ?? '',
    },
  };
}
