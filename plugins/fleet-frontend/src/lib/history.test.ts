import { HistoryEntry } from '@fleet-portal/plugin-fleet-common';
import { historyEntries } from '../__fixtures__/history';
import { DESIRED_IMAGE } from '../__fixtures__/clusterDetails';
import {
  displayHistoryValue,
  filterHistory,
  fromDateTimeLocal,
  historyEntryLabel,
  historyNodes,
  toDateTimeLocal,
  toggleKind,
} from './history';

const presence = (value?: string, previous?: string): HistoryEntry => ({
  clusterId: 'a/b/c',
  kind: 'node-presence',
  subject: 'n1',
  value,
  previous,
  observedAt: '2026-03-01T00:00:00Z',
});

describe('historyEntryLabel', () => {
  it('tells a node joining from one leaving', () => {
    expect(historyEntryLabel(presence('present'))).toBe('Node joined');
    expect(historyEntryLabel(presence(undefined, 'present'))).toBe('Node left');
  });

  it('names the other kinds', () => {
    expect(historyEntries.map(historyEntryLabel)).toEqual([
      'Health',
      'Image',
      'Node left',
      'DNS sync',
      'k0s/kubelet',
      'Node joined',
    ]);
  });
});

describe('displayHistoryValue', () => {
  it('shortens a pinned image reference and keeps it whole for the hover', () => {
    expect(displayHistoryValue('node-image', DESIRED_IMAGE)).toEqual({
      text: 'sha256:1a2b3c4d…',
      full: DESIRED_IMAGE,
    });
  });

  it('leaves unknown images, versions and states as they are', () => {
    expect(
      displayHistoryValue('node-image', 'unknown: no image annotation'),
    ).toEqual({ text: 'unknown: no image annotation' });
    expect(displayHistoryValue('node-version', 'v1.31.2+k0s')).toEqual({
      text: 'v1.31.2+k0s',
    });
  });

  it('names an absent value', () => {
    expect(displayHistoryValue('node-presence', undefined).text).toBe('absent');
    expect(displayHistoryValue('dns-sync', undefined).text).toBe('none');
  });
});

describe('historyNodes', () => {
  it('lists the nodes node changes mention, sorted, once each', () => {
    expect(historyNodes(historyEntries)).toEqual([
      'edge-fra-01-cp-0',
      'edge-fra-01-w-1',
      'edge-fra-01-w-2',
    ]);
  });
});

describe('filterHistory', () => {
  it('keeps everything without a filter', () => {
    expect(filterHistory(historyEntries, {})).toEqual(historyEntries);
    expect(filterHistory(historyEntries, { kinds: [] })).toEqual(
      historyEntries,
    );
  });

  it('keeps only the node changes of the chosen node', () => {
    const shown = filterHistory(historyEntries, { node: 'edge-fra-01-w-1' });
    expect(shown.map(e => e.kind)).toEqual(['node-image', 'node-presence']);
  });

  it('keeps only the chosen kinds, combined with the node', () => {
    expect(
      filterHistory(historyEntries, {
        kinds: ['dns-sync', 'cluster-health'],
      }).map(e => e.kind),
    ).toEqual(['cluster-health', 'dns-sync']);
    expect(
      filterHistory(historyEntries, {
        node: 'edge-fra-01-w-1',
        kinds: ['node-presence'],
      }).map(e => e.observedAt),
    ).toEqual(['2026-02-28T09:00:00Z']);
  });
});

describe('toggleKind', () => {
  it('adds a missing kind and removes a present one', () => {
    expect(toggleKind([], 'dns-sync')).toEqual(['dns-sync']);
    expect(toggleKind(['dns-sync', 'node-image'], 'dns-sync')).toEqual([
      'node-image',
    ]);
  });
});

describe('datetime-local conversion', () => {
  it('round-trips a local date and time', () => {
    const date = new Date(2026, 2, 1, 9, 5);
    expect(toDateTimeLocal(date)).toBe('2026-03-01T09:05');
    expect(fromDateTimeLocal('2026-03-01T09:05')).toBe(date.toISOString());
  });

  it('rejects what is not a datetime-local value', () => {
    expect(fromDateTimeLocal('')).toBeUndefined();
    expect(fromDateTimeLocal('yesterday')).toBeUndefined();
    expect(fromDateTimeLocal('2026-13-45T99:99')).toBeUndefined();
  });
});
