import {
  driftedClusterDetail,
  partialClusterDetail,
} from '../__fixtures__/clusterDetails';
import { deriveNodeRows } from './nodes';

describe('deriveNodeRows', () => {
  it('makes one row per node, control plane first', () => {
    const rows = deriveNodeRows({
      ...driftedClusterDetail,
      nodeStatuses: [...driftedClusterDetail.nodeStatuses].reverse(),
    });
    expect(rows.map(r => r.name)).toEqual([
      'edge-fra-01-cp-0',
      'edge-fra-01-w-0',
      'edge-fra-01-w-1',
      'edge-fra-01-w-2',
    ]);
    expect(rows[2]).toMatchObject({
      roles: 'worker',
      ready: true,
      kairosVersion: 'v3.1.9',
      imageDigest: 'sha256:9f8e7d6c…',
      kubeletVersion: 'v1.30.5+k0s',
    });
    expect(rows[3]).toMatchObject({
      ready: false,
      imageDigest: undefined,
      imageUnknownReason: expect.stringContaining('tag-only'),
    });
  });

  it('copes with nodes missing fields', () => {
    expect(deriveNodeRows(partialClusterDetail)).toEqual([
      {
        name: 'partial-01-w-0',
        roles: '',
        ready: false,
        kairosVersion: undefined,
        imageDigest: undefined,
        imageReference: undefined,
        imageUnknownReason: 'node not annotated',
        imageSources: [],
        kubeletVersion: undefined,
        source: undefined,
      },
    ]);
  });
});
