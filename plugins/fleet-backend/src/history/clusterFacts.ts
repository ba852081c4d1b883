import type {
  ClusterDetail,
  FigureSource,
  HistoryEntry,
  HistoryKind,
} from '@fleet-portal/plugin-fleet-common';

/** One thing about a cluster whose changes are worth recording. */
export interface Fact {
  kind: HistoryKind;
  subject: string;
  value: string;
  source?: FigureSource;
}

export function factKey(fact: Pick<Fact, 'kind' | 'subject'>): string {
  return `${fact.kind}\u0000${fact.subject}`;
}

/** The facts of a cluster now: per node its presence, image and kubelet; per record its sync; health. */
export function clusterFacts(detail: ClusterDetail): Fact[] {
  const facts: Fact[] = [];
  for (const node of detail.nodeStatuses) {
    facts.push({
      kind: 'node-presence',
      subject: node.name,
      value: 'present',
      source: node.source,
    });
    facts.push({
      kind: 'node-image',
      subject: node.name,
      value: node.image.known
        ? node.image.reference
        : `unknown: ${node.image.reason}`,
      source: node.image.sources[node.image.sources.length - 1],
    });
    facts.push({
      kind: 'node-version',
      subject: node.name,
      value: node.kubeletVersion,
      source: node.source,
    });
  }
  for (const record of detail.dnsRecords) {
    facts.push({
      kind: 'dns-sync',
      subject: `${record.kind}/${record.namespace}/${record.name}`,
      value: record.synced
        ? 'synced'
        : `not synced: ${
            record.staleGeneration
              ? 'StaleGeneration'
              : record.reason ?? 'unknown'
          }`,
      source: record.source,
    });
  }
  facts.push({
    kind: 'cluster-health',
    subject: 'cluster',
    value: detail.health.reason
      ? `${detail.health.state} (${detail.health.reason})`
      : detail.health.state,
    source: detail.health.source,
  });
  return facts;
}

/**
 * The changes between two observations of a cluster. A subject that appears is recorded with no
 * previous value; one that disappears with no value. Equal facts record nothing.
 */
export function diffFacts(
  clusterId: string,
  previous: Fact[] | undefined,
  next: Fact[],
  observedAt: string,
): HistoryEntry[] {
  const before = new Map((previous ?? []).map(f => [factKey(f), f]));
  const entries: HistoryEntry[] = [];
  for (const fact of next) {
    const old = before.get(factKey(fact));
    before.delete(factKey(fact));
    if (old && old.value === fact.value) continue;
    entries.push({
      clusterId,
      kind: fact.kind,
      subject: fact.subject,
      value: fact.value,
      previous: old?.value,
      source: fact.source,
      observedAt,
    });
  }
  for (const gone of before.values()) {
    entries.push({
      clusterId,
      kind: gone.kind,
      subject: gone.subject,
      value: undefined,
      previous: gone.value,
      observedAt,
    });
  }
  return entries;
}
