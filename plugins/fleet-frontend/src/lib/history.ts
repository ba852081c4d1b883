import { HistoryEntry, HistoryKind } from '@fleet-portal/plugin-fleet-common';
import { shortDigest } from './digest';

/** How each kind of change is named in the history card and its filter. */
export const HISTORY_KIND_LABELS: Record<HistoryKind, string> = {
  'node-image': 'Image',
  'node-version': 'k0s/kubelet',
  'node-presence': 'Node joined/left',
  'dns-sync': 'DNS sync',
  'cluster-health': 'Health',
};

const NODE_KINDS: readonly HistoryKind[] = [
  'node-image',
  'node-version',
  'node-presence',
];

/** The label of one entry: a presence change says whether the node joined or left. */
export function historyEntryLabel(entry: HistoryEntry): string {
  if (entry.kind === 'node-presence') {
    if (entry.value === undefined) return 'Node left';
    if (entry.previous === undefined) return 'Node joined';
  }
  return HISTORY_KIND_LABELS[entry.kind] ?? entry.kind;
}

/** A value as shown (image digests shortened) and in full, for the hover. */
export interface DisplayedValue {
  text: string;
  full?: string;
}

const PINNED_REFERENCE = /@[a-z0-9]+:[0-9a-f]{16,}$/i;

/** How a recorded value is shown; `undefined` is the subject's absence. */
export function displayHistoryValue(
  kind: HistoryKind,
  value: string | undefined,
): DisplayedValue {
  if (value === undefined) {
    return { text: kind === 'node-presence' ? 'absent' : 'none' };
  }
  if (kind === 'node-image' && PINNED_REFERENCE.test(value)) {
    return { text: shortDigest(value), full: value };
  }
  return { text: value };
}

/** Node names the history mentions, sorted, for the node filter. */
export function historyNodes(entries: HistoryEntry[]): string[] {
  const nodes = new Set(
    entries.filter(e => NODE_KINDS.includes(e.kind)).map(e => e.subject),
  );
  return [...nodes].sort((a, b) => a.localeCompare(b));
}

export interface HistoryFilter {
  /** Only changes to this node; cluster-wide and DNS changes are then hidden. */
  node?: string;
  /** Only these kinds; empty or undefined means every kind. */
  kinds?: HistoryKind[];
}

export function filterHistory(
  entries: HistoryEntry[],
  filter: HistoryFilter,
): HistoryEntry[] {
  return entries.filter(entry => {
    if (filter.kinds?.length && !filter.kinds.includes(entry.kind)) {
      return false;
    }
    if (filter.node) {
      return NODE_KINDS.includes(entry.kind) && entry.subject === filter.node;
    }
    return true;
  });
}

/** Adds the kind to the selection, or removes it when already there. */
export function toggleKind(
  kinds: HistoryKind[],
  kind: HistoryKind,
): HistoryKind[] {
  return kinds.includes(kind)
    ? kinds.filter(k => k !== kind)
    : [...kinds, kind];
}

/** `YYYY-MM-DDTHH:mm` in local time, what `<input type="datetime-local">` holds. */
export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The ISO time of a `datetime-local` value (read as local time); undefined if it is not one. */
export function fromDateTimeLocal(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
