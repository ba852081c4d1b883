import type {
  ClusterSummary,
  GitopsRequestItem,
} from '@fleet-portal/plugin-fleet-common';

/**
 * The cluster a request is about. A request names it by name, and by namespace and management
 * cluster when its form had them; one that several clusters answer to is tied to none, never to
 * a guess (its readers would otherwise be another cluster's).
 */
export function clusterOfRequest(
  request: Pick<GitopsRequestItem, 'cluster' | 'namespace' | 'management'>,
  summaries: ClusterSummary[],
): { summary?: ClusterSummary; ambiguous: boolean } {
  const candidates = summaries.filter(
    s =>
      s.ref.name === request.cluster &&
      (!request.namespace || s.ref.namespace === request.namespace) &&
      (!request.management || s.ref.management === request.management),
  );
  return {
    summary: candidates.length === 1 ? candidates[0] : undefined,
    ambiguous: candidates.length > 1,
  };
}
