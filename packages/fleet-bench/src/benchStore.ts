import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createRouter,
  DatabaseFleetStore,
} from '@fleet-portal/plugin-fleet-backend';
import knexFactory, { type Knex } from 'knex';

/** The fleet store on a private in-memory SQLite database, as the benchmarks use it. */
export async function memoryFleetStore(): Promise<{
  db: Knex;
  store: DatabaseFleetStore;
}> {
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
  return { db, store: await DatabaseFleetStore.create(db) };
}

/**
 * The fleet API's router over `store`, every request allowed as a signed-in user: the figures
 * measure the fleet code and the HTTP stack, not Backstage's token checks.
 */
export function allowAllRouter(store: DatabaseFleetStore) {
  return createRouter({
    httpAuth: {
      credentials: async () => ({
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'user', userEntityRef: 'user:default/bench' },
      }),
    } as any,
    permissions: {
      authorizeConditional: async (requests: unknown[]) =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    } as any,
    store,
  });
}
