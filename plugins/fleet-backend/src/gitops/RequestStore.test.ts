import type {
  GitopsRequestItem,
  RequestState,
} from '@fleet-portal/plugin-fleet-common';
import knexFactory, { type Knex } from 'knex';
import { Client } from 'pg';
import {
  dropDatabases,
  postgres,
  requirePostgres,
} from '../__testUtils__/postgres';
import { createTestStore } from '../__testUtils__/testStore';
import { migrateFleetDatabase } from '../service/DatabaseFleetStore';
import { DatabaseRequestStore } from './RequestStore';

jest.setTimeout(60_000);

function request(
  id: string,
  state: RequestState,
  overrides: Partial<GitopsRequestItem> = {},
): GitopsRequestItem {
  return {
    id: `local:${id}`,
    branch: id,
    commit: 'a'.repeat(40),
    title: `request ${id}`,
    requestedBy: 'user:default/jane.doe',
    template: 'template:default/k0s-upgrade',
    files: [],
    committedAt: '2026-12-01T10:00:00.000Z',
    merged: state !== 'opened',
    journey: {
      state,
      steps: [{ state: 'opened', at: '2026-12-01T10:00:00.000Z' }],
      checkedAt: '2026-12-01T10:00:05.000Z',
    },
    ...overrides,
  };
}

const prefix = `fleet_requests_${process.pid}_${Date.now() % 100000}_`;

/** A migrated plugin database on SQLite (in memory) or on a fresh PostgreSQL database. */
const databases: Array<[string, () => Promise<Knex>]> = [
  ['SQLite', async () => (await createTestStore()).db],
  [
    'PostgreSQL',
    async () => {
      await requirePostgres();
      const database = `${prefix}${Math.random().toString(36).slice(2, 8)}`;
      const admin = new Client({ ...postgres });
      await admin.connect();
      await admin.query(`create database "${database}"`);
      await admin.end();
      const db = knexFactory({
        client: 'pg',
        connection: { ...postgres, database },
        pool: { min: 0, max: 2 },
      });
      await migrateFleetDatabase(db);
      return db;
    },
  ],
];

describe.each(databases)('DatabaseRequestStore on %s', (_name, open) => {
  let db: Knex;
  let store: DatabaseRequestStore;

  beforeAll(async () => {
    db = await open();
    store = new DatabaseRequestStore(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await dropDatabases(prefix).catch(() => {});
  });

  beforeEach(async () => {
    await db('fleet_requests').delete();
  });

  it('keeps a journey whole across saves and lists newest first', async () => {
    const older = request('fleet/new-cluster/1', 'opened', {
      committedAt: '2026-12-01T09:00:00.000Z',
      cluster: 'edge-1',
    });
    const newer = request('fleet/k0s-upgrade/2', 'opened', {
      committedAt: '2026-12-02T09:00:00.000Z',
      cluster: 'edge-2',
    });
    await store.save([older, newer]);
    const merged: GitopsRequestItem = {
      ...older,
      merged: true,
      journey: {
        state: 'failed',
        steps: [
          ...older.journey.steps,
          {
            state: 'merged',
            at: '2026-12-01T09:05:00.000Z',
            commit: 'b'.repeat(40),
          },
          {
            state: 'failed',
            at: '2026-12-01T09:06:00.000Z',
            reason: 'BuildFailed',
            message: 'kustomize build failed: accumulating resources',
            source: 'Kustomization flux-system/fleet-clusters',
          },
        ],
        checkedAt: '2026-12-01T09:06:30.000Z',
      },
    };
    await store.save([merged]);

    const listed = await store.list();
    expect(listed.map(r => r.id)).toEqual([newer.id, older.id]);
    expect(listed[1]).toEqual(merged);
    expect(Number((await db('fleet_requests').count({ n: '*' }))[0].n)).toBe(2);
  });

  it('filters by state, requester and cluster (input or files)', async () => {
    await store.save([
      request('a', 'opened', { cluster: 'edge-1' }),
      request('b', 'reconciled', {
        requestedBy: 'user:default/sam',
        files: ['vms/edge-1/edge-1-worker-0.yaml'],
      }),
      request('c', 'applied', { cluster: 'edge-2' }),
      request('d', 'failed', {
        requestedBy: 'user:default/sam',
        files: ['clusters/edge-22/clusterdeployment.yaml'],
      }),
    ]);
    const ids = (items: GitopsRequestItem[]) => items.map(i => i.branch).sort();

    expect(ids(await store.list({ states: ['opened'] }))).toEqual(['a']);
    expect(
      ids(
        await store.list({ states: ['opened', 'merged', 'applied', 'failed'] }),
      ),
    ).toEqual(['a', 'c', 'd']);
    expect(ids(await store.list({ requestedBy: 'user:default/sam' }))).toEqual([
      'b',
      'd',
    ]);
    expect(ids(await store.list({ cluster: 'edge-1' }))).toEqual(['a', 'b']);
    // A folder whose name starts like the cluster's is another cluster's.
    expect(ids(await store.list({ cluster: 'edge-2' }))).toEqual(['c']);
    expect(
      ids(
        await store.list({
          cluster: 'edge-1',
          requestedBy: 'user:default/sam',
          states: ['reconciled'],
        }),
      ),
    ).toEqual(['b']);
  });

  it('saves nothing for an empty batch and many in one transaction', async () => {
    await store.save([]);
    expect(await store.list()).toEqual([]);
    const many = Array.from({ length: 300 }, (_, i) =>
      request(`fleet/dns-records/${i}`, 'opened'),
    );
    await store.save(many);
    expect(await store.list()).toHaveLength(300);
  });
});
