import { DriftFinding } from '@fleet-portal/plugin-fleet-common';
import {
  countDriftByType,
  describeDrift,
  driftLabel,
  driftOfTypes,
} from './drift';

const findings: DriftFinding[] = [
  {
    type: 'dns-unsynced',
    kind: 'ARecord',
    namespace: 'dns',
    name: 'api',
    reason: 'ZoneNotFound',
  },
  {
    type: 'node-image',
    node: 'w1',
    desired: 'img@sha256:aa',
    actual: 'img@sha256:bb',
  },
  {
    type: 'node-image',
    node: 'w2',
    desired: 'img@sha256:aa',
    actual: 'img@sha256:bb',
  },
  { type: 'k0s-build', desired: 'v1.31.2+k0s.1', actual: 'v1.31.2+k0s.0' },
];

describe('drift helpers', () => {
  it('counts findings per type in display order', () => {
    expect(countDriftByType(findings)).toEqual([
      { type: 'k0s-build', label: 'k0s build', count: 1 },
      { type: 'node-image', label: 'Node image', count: 2 },
      { type: 'dns-unsynced', label: 'DNS unsynced', count: 1 },
    ]);
    expect(countDriftByType(undefined)).toEqual([]);
  });

  it('labels every type', () => {
    expect(driftLabel('node-image-unknown')).toBe('Image unknown');
    expect(driftLabel('cluster-not-ready')).toBe('Not ready');
  });

  it('describes findings in words', () => {
    expect(describeDrift(findings[0])).toBe(
      'ARecord dns/api not synced (ZoneNotFound)',
    );
    expect(describeDrift(findings[1])).toBe(
      'Node w1 runs img@sha256:bb, desired img@sha256:aa',
    );
    expect(
      describeDrift({
        type: 'k0s-version',
        desired: 'v1.31.2+k0s.1',
        running: 'v1.30.5+k0s',
        nodes: ['a', 'b'],
      }),
    ).toBe('2 node(s) run k0s v1.30.5+k0s, desired v1.31.2+k0s.1');
    expect(describeDrift({ type: 'cluster-not-ready', reason: 'Failed' })).toBe(
      'Cluster not ready: Failed',
    );
  });

  it('labels and describes a failed service with its message', () => {
    const failed: DriftFinding = {
      type: 'service-failed',
      name: 'metallb',
      namespace: 'metallb-system',
      template: 'metallb-0-14-9',
      state: 'Failed',
      message: 'context deadline exceeded',
    };
    expect(countDriftByType([failed])).toEqual([
      { type: 'service-failed', label: 'Service failed', count: 1 },
    ]);
    expect(describeDrift(failed)).toBe(
      'Service metallb-system/metallb (metallb-0-14-9) Failed: context deadline exceeded',
    );
  });

  it('selects findings by type', () => {
    expect(driftOfTypes(findings, ['k0s-build', 'k0s-version'])).toEqual([
      findings[3],
    ]);
  });
});
