import { fleetFilterValues } from '@fleet-portal/plugin-fleet-common';
import {
  clusterListResponse,
  largeClusterList,
} from '../__fixtures__/clusterList';
import { DESIRED_DIGEST, OLD_DIGEST } from '../__fixtures__/clusterDetails';
import { withServiceCounts } from '../__fixtures__/services';
import {
  NO_FLEET_FILTERS,
  filterClusters,
  fleetFilterOptions,
  summarizeFleet,
} from './fleet';

const clusters = clusterListResponse.items;
const names = (list: typeof clusters) => list.map(c => c.ref.name);

describe('fleet filters', () => {
  it('keeps everything without filters', () => {
    expect(filterClusters(clusters, NO_FLEET_FILTERS)).toHaveLength(4);
  });

  it('keeps only drifted clusters', () => {
    expect(
      names(filterClusters(clusters, { ...NO_FLEET_FILTERS, driftOnly: true })),
    ).toEqual(['edge-fra-01', 'retail-nyc-07']);
  });

  it('filters by failed or provisioning services', () => {
    const withServices = withServiceCounts(clusters);
    const by = (services: 'failed' | 'provisioning' | 'not-deployed') =>
      names(filterClusters(withServices, { ...NO_FLEET_FILTERS, services }));
    expect(by('failed')).toEqual(['edge-fra-01']);
    expect(by('provisioning')).toEqual(['core-ams-02']);
    expect(by('not-deployed')).toEqual(['edge-fra-01', 'core-ams-02']);
    // A backend that reports no service counts: nothing matches, nothing breaks.
    expect(
      filterClusters(clusters, { ...NO_FLEET_FILTERS, services: 'failed' }),
    ).toEqual([]);
  });

  it('filters by health, k0s version and image digest', () => {
    expect(
      names(
        filterClusters(clusters, {
          ...NO_FLEET_FILTERS,
          health: 'progressing',
        }),
      ),
    ).toEqual(['new-lis-01']);
    expect(
      names(
        filterClusters(clusters, {
          ...NO_FLEET_FILTERS,
          k0sVersion: 'v1.30.5+k0s',
        }),
      ),
    ).toEqual(['edge-fra-01', 'retail-nyc-07']);
    expect(
      names(
        filterClusters(clusters, {
          ...NO_FLEET_FILTERS,
          imageDigest: OLD_DIGEST,
        }),
      ),
    ).toEqual(['edge-fra-01', 'retail-nyc-07']);
    expect(
      names(
        filterClusters(clusters, {
          ...NO_FLEET_FILTERS,
          imageDigest: DESIRED_DIGEST,
          driftOnly: true,
        }),
      ),
    ).toEqual(['edge-fra-01']);
  });

  it('offers the versions and digests present in the fleet', () => {
    const options = fleetFilterOptions(fleetFilterValues(clusters));
    expect(options.k0sVersions).toEqual([
      'v1.30.5+k0s',
      'v1.30.5+k0s.0',
      'v1.31.2+k0s',
      'v1.31.2+k0s.0',
      'v1.31.2+k0s.1',
    ]);
    expect(options.imageDigests.map(d => d.label)).toEqual([
      'sha256:1a2b3c4d…',
      'sha256:9f8e7d6c…',
    ]);
  });
});

describe('summarizeFleet', () => {
  it('counts clusters, nodes, drift, unsynced records and stale reads', () => {
    expect(summarizeFleet(clusters)).toEqual({
      clusters: 4,
      nodes: 7,
      drifted: 2,
      unsyncedRecords: 2,
      stale: 1,
    });
  });

  it('scales to a large fleet', () => {
    const summary = summarizeFleet(largeClusterList(500).items);
    expect(summary.clusters).toBe(500);
    expect(summary.nodes).toBe(1500);
    expect(summary.drifted).toBe(72);
  });
});
