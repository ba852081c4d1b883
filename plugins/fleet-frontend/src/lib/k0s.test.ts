import {
  driftedClusterDetail,
  emptyClusterDetail,
  healthyClusterDetail,
  partialClusterDetail,
} from '../__fixtures__/clusterDetails';
import { deriveK0sVersions } from './k0s';

describe('deriveK0sVersions', () => {
  it('flags skew, version drift, build drift and upgrades', () => {
    const view = deriveK0sVersions(driftedClusterDetail);
    expect(view.desired?.version).toBe('v1.31.2+k0s.1');
    expect(view.exactBuild?.version).toBe('v1.31.2+k0s.0');
    expect(view.running.map(g => [g.version, g.matchesDesired])).toEqual([
      ['v1.31.2+k0s', true],
      ['v1.30.5+k0s', false],
    ]);
    expect(view.skew).toBe(true);
    expect(view.versionDrift).toBe(true);
    expect(view.buildDrift).toBe(true);
    expect(view.availableUpgrades).toEqual(['vsphere-standalone-cp-1-0-43']);
  });

  it('finds nothing wrong in a cluster at its desired version', () => {
    const view = deriveK0sVersions(healthyClusterDetail);
    expect(view).toMatchObject({
      skew: false,
      versionDrift: false,
      buildDrift: false,
    });
    expect(view.availableUpgrades).toEqual([]);
  });

  it('falls back to summary figures and copes with missing data', () => {
    const view = deriveK0sVersions({
      ...driftedClusterDetail,
      k0sVersions: undefined as any,
    });
    expect(view.running.map(g => g.version)).toEqual([
      'v1.31.2+k0s',
      'v1.30.5+k0s',
    ]);
    expect(view.desired).toEqual({
      version: 'v1.31.2+k0s.1',
      source: undefined,
    });
    expect(deriveK0sVersions(emptyClusterDetail).running).toEqual([]);
    expect(deriveK0sVersions(partialClusterDetail)).toMatchObject({
      running: [],
      skew: false,
      versionDrift: false,
      buildDrift: false,
      availableUpgrades: [],
    });
  });
});
