// PostgreSQL for the test scripts: where it is (FLEET_TEST_PG_HOST, _PORT, _USER, _PASSWORD;
// default postgres@127.0.0.1:5432 with no password), a check that fails saying what to start,
// and dropping the databases a test run created under its unique prefix.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Failure } from './processes.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { Client } = createRequire(join(repo, 'packages/backend/package.json'))(
  'pg',
);

export const postgres = {
  host: process.env.FLEET_TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.FLEET_TEST_PG_PORT ?? 5432),
  user: process.env.FLEET_TEST_PG_USER ?? 'postgres',
  password: process.env.FLEET_TEST_PG_PASSWORD ?? '',
};

export async function adminClient() {
  const client = new Client({
    ...postgres,
    database: process.env.FLEET_TEST_PG_DATABASE ?? 'postgres',
    connectionTimeoutMillis: 3_000,
  });
  await client.connect();
  return client;
}

export function databaseClient(database) {
  return new Client({ ...postgres, database });
}

export async function requirePostgres() {
  let client;
  try {
    client = await adminClient();
    await client.query('select 1');
  } catch (error) {
    throw new Failure(
      `PostgreSQL is not reachable at ${postgres.user}@${postgres.host}:${postgres.port} (${error.message}). ` +
        'Start it (on Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) ' +
        'or point FLEET_TEST_PG_HOST/PORT/USER/PASSWORD at one.',
    );
  } finally {
    await client?.end().catch(() => {});
  }
}

/** Drops every database whose name starts with `prefix`; returns their names. */
export async function dropDatabases(prefix) {
  const client = await adminClient();
  try {
    const { rows } = await client.query(
      'select datname from pg_database where datname like $1',
      [`${prefix.replace(/_/g, '\\_')}%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
    return rows.map(r => r.datname);
  } finally {
    await client.end();
  }
}
