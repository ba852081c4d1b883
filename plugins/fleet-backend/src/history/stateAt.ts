import type {
  ClusterStateAt,
  HistoryEntry,
} from '@fleet-portal/plugin-fleet-common';

/**
 * Rebuilds a cluster's nodes, images, versions, record states and health at time `at` from its
 * history: for each subject, the last entry observed at or before `at`.
 */
export function stateAt(
  clusterId: string,
  at: string,
  entries: HistoryEntry[],
): ClusterStateAt {
  const latest = new Map<string, HistoryEntry>();
  for (const entry of entries) {
    if (entry.observedAt > at) continue;
    const key = `${entry.kind}\u0000${entry.subject}`;
    const current = latest.get(key);
    if (!current || entry.observedAt >= current.observedAt)
      latest.set(key, entry);
  }
  const get = (kind: HistoryEntry['kind'], subject: string) =>
    latest.get(`${kind}\u0000${subject}`);
  const nodes = [...latest.values()]
    .filter(e => e.kind === 'node-presence' && e.value !== undefined)
    .map(presence => {
      const image = get('node-image', presence.subject);
      const version = get('node-version', presence.subject);
      return {
        name: presence.subject,
        since: presence.observedAt,
        image:
          image?.value !== undefined
            ? {
                value: image.value,
                since: image.observedAt,
                source: image.source,
              }
            : undefined,
        kubeletVersion:
          version?.value !== undefined
            ? {
                value: version.value,
                since: version.observedAt,
                source: version.source,
              }
            : undefined,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const records = [...latest.values()]
    .filter(e => e.kind === 'dns-sync' && e.value !== undefined)
    .map(e => ({ subject: e.subject, state: e.value!, since: e.observedAt }))
    .sort((a, b) => a.subject.localeCompare(b.subject));
  const health = get('cluster-health', 'cluster');
  return {
    clusterId,
    at,
    nodes,
    records,
    health:
      health?.value !== undefined
        ? { value: health.value, since: health.observedAt }
        : undefined,
  };
}
