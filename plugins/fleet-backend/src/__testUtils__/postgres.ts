import { Client } from 'pg';

/** Where the integration tests find PostgreSQL; override with FLEET_TEST_PG_* variables. */
export const postgres = {
  host: process.env.FLEET_TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.FLEET_TEST_PG_PORT ?? 5432),
  user: process.env.FLEET_TEST_PG_USER ?? 'postgres',
  password: process.env.FLEET_TEST_PG_PASSWORD,
  database: process.env.FLEET_TEST_PG_DATABASE ?? 'test',
};

/**
 * Fails — never skips — when PostgreSQL cannot be reached, saying what to start.
 */
export async function requirePostgres(): Promise<void> {
  const client = new Client({ ...postgres, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${postgres.user}@${postgres.host}:${postgres.port}/${postgres.database} ` +
        `(${
          (error as Error).message
        }). Start it (on Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) ` +
        `or point FLEET_TEST_PG_HOST/PORT/USER/PASSWORD/DATABASE at one.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Drops the databases Backstage created for a test run (`<prefix>…`). */
export async function dropDatabases(prefix: string): Promise<void> {
  const client = new Client({ ...postgres });
  await client.connect();
  try {
    const { rows } = await client.query(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
}
