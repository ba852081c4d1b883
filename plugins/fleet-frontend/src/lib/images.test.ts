import {
  DESIRED_IMAGE,
  OLD_IMAGE,
  driftedClusterDetail,
  emptyClusterDetail,
  healthyClusterDetail,
  partialClusterDetail,
} from '../__fixtures__/clusterDetails';
import { deriveKairosImages } from './images';

describe('deriveKairosImages', () => {
  it('groups nodes by image and flags those off the desired image', () => {
    const view = deriveKairosImages(driftedClusterDetail);
    expect(view.desired?.reference).toBe(DESIRED_IMAGE);
    expect(view.desired?.source?.kind).toBe('VMImage');
    expect(
      view.groups.map(g => [g.reference, g.nodes.length, g.matchesDesired]),
    ).toEqual([
      [DESIRED_IMAGE, 2, true],
      [OLD_IMAGE, 1, false],
    ]);
    expect(view.unknown).toEqual([
      expect.objectContaining({
        node: 'edge-fra-01-w-2',
        reason: expect.stringContaining('tag-only'),
      }),
    ]);
    expect(view.drift).toBe(true);
  });

  it('reports no drift when every node runs the desired image', () => {
    const view = deriveKairosImages(healthyClusterDetail);
    expect(view.drift).toBe(false);
    expect(view.groups).toHaveLength(1);
    expect(view.unknown).toEqual([]);
  });

  it('flags drift the backend reported even when no desired image is known locally', () => {
    const view = deriveKairosImages({
      ...driftedClusterDetail,
      desiredImage: undefined,
      desiredImageFigure: undefined,
    });
    expect(view.desired).toBeUndefined();
    expect(view.groups.every(g => g.matchesDesired === undefined)).toBe(true);
    expect(view.drift).toBe(true);
  });

  it('copes with no nodes and with missing fields', () => {
    expect(deriveKairosImages(emptyClusterDetail)).toEqual({
      desired: undefined,
      groups: [],
      unknown: [],
      rollouts: [],
      drift: false,
    });
    const partial = deriveKairosImages(partialClusterDetail);
    expect(partial.unknown).toEqual([
      {
        node: 'partial-01-w-0',
        reason: 'node not annotated',
        reference: undefined,
        sources: [],
      },
    ]);
  });
});
