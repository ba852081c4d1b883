import type { ClusterSummary } from '../types';
import {
  fleetListQueryOf,
  indexFleet,
  queryFleet,
  toFleetFilters,
} from './queryFleet';
import { NO_FLEET_FILTERS } from './filters';

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;

function cluster(
  management: string,
  name: string,
  extra: Partial<ClusterSummary> = {},
): ClusterSummary {
  return {
    id: `${management}/team/${name}`,
    ref: { management, namespace: 'team', name },
    demo: false,
    labels: {},
    health: { state: 'ready' },
    k0s: { desired: 'v1.31.2+k0s.0', running: [], availableUpgrades: [] },
    images: [{ reference: `img@${DIGEST_A}`, digest: DIGEST_A, nodes: ['n'] }],
    nodes: { total: 3, ready: 3, unknownImage: 0 },
    dns: { total: 2, synced: 2 },
    drift: [],
    read: { lastSuccessAt: '2026-01-01T00:00:00Z', stale: false, failures: [] },
    ...extra,
  };
}

const fleet: ClusterSummary[] = [
  cluster('mgmt-eu', 'alpha'),
  cluster('mgmt-eu', 'bravo', {
    health: { state: 'not-ready', reason: 'Provisioning' },
    drift: [{ type: 'k0s-build', desired: 'v1.31.2+k0s.1', actual: 'x' }],
    dns: { total: 4, synced: 1 },
  }),
  cluster('mgmt-us', 'charlie', {
    images: [{ reference: `img@${DIGEST_B}`, digest: DIGEST_B, nodes: ['n'] }],
    k0s: { desired: 'v1.30.5+k0s.0', running: [], availableUpgrades: [] },
    read: { stale: true, failures: [] },
    serviceCounts: {
      total: 2,
      unreported: 0,
      byState: {
        Failed: 1,
        Deployed: 1,
        Provisioning: 0,
        Pending: 0,
        Deleting: 0,
        Deleted: 0,
      },
    },
  }),
  cluster('mgmt-us', 'delta', {
    nodes: { total: 5, ready: 5, unknownImage: 0 },
  }),
];
const index = indexFleet(fleet);
const names = (items: ClusterSummary[]) => items.map(c => c.ref.name);

describe('queryFleet', () => {
  it('answers every cluster, in the fleet order, without a query', () => {
    const page = queryFleet(index, {});
    expect(names(page.items)).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    expect(page).toMatchObject({ total: 4, offset: 0 });
    expect(page.limit).toBeUndefined();
  });

  it('pages, and counts over the whole fleet rather than the page', () => {
    const page = queryFleet(index, { limit: 2, offset: 2 });
    expect(names(page.items)).toEqual(['charlie', 'delta']);
    expect(page).toMatchObject({ total: 4, offset: 2, limit: 2 });
    expect(page.counts).toEqual({
      clusters: 4,
      nodes: 14,
      drifted: 1,
      unsyncedRecords: 3,
      stale: 1,
    });
    expect(queryFleet(index, { limit: 2, offset: 10 }).items).toEqual([]);
  });

  it('applies the page filters before paging, and totals the matches', () => {
    expect(names(queryFleet(index, { drift: true }).items)).toEqual(['bravo']);
    expect(names(queryFleet(index, { health: 'not-ready' }).items)).toEqual([
      'bravo',
    ]);
    expect(names(queryFleet(index, { k0s: 'v1.30.5+k0s.0' }).items)).toEqual([
      'charlie',
    ]);
    expect(names(queryFleet(index, { image: DIGEST_B }).items)).toEqual([
      'charlie',
    ]);
    expect(names(queryFleet(index, { services: 'failed' }).items)).toEqual([
      'charlie',
    ]);
    const page = queryFleet(index, { image: DIGEST_A, limit: 1, offset: 1 });
    expect(names(page.items)).toEqual(['bravo']);
    expect(page.total).toBe(3);
    expect(page.counts.clusters).toBe(4);
  });

  it('searches the texts the table shows, case-insensitively', () => {
    expect(names(queryFleet(index, { q: 'US' }).items)).toEqual([
      'charlie',
      'delta',
    ]);
    expect(names(queryFleet(index, { q: 'k0s build' }).items)).toEqual([
      'bravo',
    ]);
    expect(names(queryFleet(index, { q: 'sha256:bbbb' }).items)).toEqual([
      'charlie',
    ]);
    expect(names(queryFleet(index, { q: '1 failed' }).items)).toEqual([
      'charlie',
    ]);
    // The DNS and last-read columns are not searched.
    expect(queryFleet(index, { q: '2026' }).total).toBe(0);
  });

  it('sorts by a column either way, ties by id, before paging', () => {
    expect(
      names(queryFleet(index, { sort: 'name', order: 'desc' }).items),
    ).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
    expect(
      names(queryFleet(index, { sort: 'dns', order: 'desc' }).items),
    ).toEqual(
      // desc reverses the ties too: the whole order flips.
      ['bravo', 'delta', 'charlie', 'alpha'],
    );
    expect(names(queryFleet(index, { sort: 'k0s' }).items)[0]).toBe('charlie');
    expect(
      names(queryFleet(index, { sort: 'lastRead', limit: 1 }).items),
    ).toEqual(['charlie']);
  });

  it('offers the filter values present in the fleet', () => {
    expect(index.filterValues).toEqual({
      k0sVersions: ['v1.30.5+k0s.0', 'v1.31.2+k0s.0'],
      imageDigests: [DIGEST_A, DIGEST_B],
    });
  });

  it('converts between the page filters and the query', () => {
    expect(fleetListQueryOf(NO_FLEET_FILTERS)).toEqual({});
    const filters = {
      driftOnly: true,
      health: 'ready' as const,
      k0sVersion: 'v1',
      imageDigest: DIGEST_A,
      services: 'failed' as const,
    };
    expect(fleetListQueryOf(filters)).toEqual({
      drift: true,
      health: 'ready',
      k0s: 'v1',
      image: DIGEST_A,
      services: 'failed',
    });
    expect(toFleetFilters(fleetListQueryOf(filters))).toEqual(filters);
  });
});
