import knexFactory, { type Knex } from 'knex';
import { DatabaseFleetStore } from '../service/DatabaseFleetStore';

/** A store on a private in-memory SQLite database, migrated. */
export async function createTestStore(): Promise<{
  store: DatabaseFleetStore;
  db: Knex;
}> {
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
  return { store: await DatabaseFleetStore.create(db), db };
}
