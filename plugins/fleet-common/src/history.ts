import type { FigureSource } from './types';

/** What a history entry tracks. */
export type HistoryKind =
  | 'node-image'
  | 'node-version'
  | 'node-presence'
  | 'dns-sync'
  | 'cluster-health';

export const HISTORY_KINDS: readonly HistoryKind[] = [
  'node-image',
  'node-version',
  'node-presence',
  'dns-sync',
  'cluster-health',
];

/** One observed change, recorded when first seen; nothing is recorded while nothing changes. */
export interface HistoryEntry {
  clusterId: string;
  kind: HistoryKind;
  /** The node name, the record as `<kind>/<namespace>/<name>`, or `cluster`. */
  subject: string;
  /** The new value; undefined when the subject disappeared (a node left, a record was removed). */
  value?: string;
  previous?: string;
  /** Where the new value was read. */
  source?: FigureSource;
  /** ISO time the change was first seen. */
  observedAt: string;
}

export interface HistoryResponse {
  items: HistoryEntry[];
}

/** A cluster as it was at a point in time, rebuilt from its history. */
export interface ClusterStateAt {
  clusterId: string;
  at: string;
  nodes: Array<{
    name: string;
    /** Since when the node was in the cluster. */
    since: string;
    image?: { value: string; since: string; source?: FigureSource };
    kubeletVersion?: { value: string; since: string; source?: FigureSource };
  }>;
  records: Array<{ subject: string; state: string; since: string }>;
  health?: { value: string; since: string };
}
