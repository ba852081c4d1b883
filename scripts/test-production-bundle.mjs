// The production build, end to end: builds the backend bundle (yarn build:backend; --reuse keeps
// an existing packages/backend/dist/bundle.tar.gz), unpacks it into a temporary directory as
// packages/backend/Dockerfile does (skeleton, `yarn workspaces focus --all --production` from the
// Yarn cache, then the bundle), starts a fleet simulator from its CLI as a separate process and
// the bundle with `node packages/backend --config app-config.yaml --config
// app-config.production.yaml` against PostgreSQL and Redis, and checks:
//   - /.backstage/health/v1/readiness answers 200
//   - /api/fleet/clusters refuses a caller without a token (401) and, with a static external
//     access token, lists every cluster of the simulator (read from it, not from the demo)
//   - the app (packages/app) is served at /
//   - the catalog read the templates from ./templates (app-config.production.yaml's locations)
//   - the fleet plugin ran every migration of plugins/fleet-backend/migrations and stored the
//     clusters in its own, freshly created database
// Each plugin gets its own database, as in production; they are named with a unique prefix and
// dropped afterwards. PostgreSQL: FLEET_TEST_PG_HOST, _PORT, _USER, _PASSWORD (default
// postgres@127.0.0.1:5432, no password); Redis: FLEET_TEST_REDIS_URL (redis://127.0.0.1:6379).
// FLEET_KEEP_BUNDLE_DIR=1 keeps the temporary directory. Exits non-zero on the first failure.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from './lib/fleetSimulator.mjs';
import {
  databaseClient,
  dropDatabases,
  postgres,
  requirePostgres,
} from './lib/postgres.mjs';
import {
  check,
  Failure,
  freePort,
  run,
  start,
  stop as stopChild,
  waitFor,
} from './lib/processes.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const reuse = process.argv.includes('--reuse');
const SIMULATED_CLUSTERS = 3;
const READY_TIMEOUT_MS = 120_000;
const FLEET_TIMEOUT_MS = 60_000;

const redisUrl = process.env.FLEET_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const started = Date.now();
let phaseStarted = started;
function phase(name) {
  const now = Date.now();
  console.log(
    `[production bundle] ${name} (${((now - phaseStarted) / 1000).toFixed(
      1,
    )} s since the last step)`,
  );
  phaseStarted = now;
}

async function requireRedis() {
  const url = new URL(redisUrl);
  const port = Number(url.port || 6379);
  const host = url.hostname;
  const reply = await new Promise(resolvePing => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolvePing('no answer within 3 s');
    }, 3_000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', data => {
      clearTimeout(timer);
      socket.end();
      resolvePing(
        data.toString().startsWith('+PONG')
          ? 'ok'
          : `answered ${data.toString().trim()}`,
      );
    });
    socket.once('error', error => {
      clearTimeout(timer);
      resolvePing(error.message);
    });
  });
  check(
    reply === 'ok',
    `Redis is not reachable at ${host}:${port} (${reply}); app-config.production.yaml caches in Redis. ` +
      'Start it (on Debian: redis-server --daemonize yes) or point FLEET_TEST_REDIS_URL at one.',
  );
}

const stop = (child, name) =>
  stopChild(child, name, message =>
    console.warn(`[production bundle] ${message}`),
  );

async function main() {
  await requirePostgres();
  await requireRedis();
  phase('PostgreSQL and Redis answer');

  const backendDist = join(repo, 'packages/backend/dist');
  if (reuse && existsSync(join(backendDist, 'bundle.tar.gz'))) {
    phase('reusing packages/backend/dist/bundle.tar.gz');
  } else {
    const repoYarn = join(
      repo,
      '.yarn/releases',
      readdirSync(join(repo, '.yarn/releases'))[0],
    );
    check(
      run(process.execPath, [repoYarn, 'build:backend'], { cwd: repo }),
      'yarn build:backend failed',
    );
    phase('built the backend bundle (yarn build:backend)');
  }
  for (const file of ['bundle.tar.gz', 'skeleton.tar.gz']) {
    check(
      existsSync(join(backendDist, file)),
      `packages/backend/dist/${file} is missing`,
    );
  }

  const dir = mkdtempSync(join(tmpdir(), 'fleet-production-bundle-'));
  const prefix = `fleet_bundle_${process.pid}_${randomBytes(3).toString(
    'hex',
  )}_`;
  let backend;
  let simulator;
  try {
    // As packages/backend/Dockerfile does: Yarn, the lockfile and the skeleton first, install the
    // production dependencies, then the bundle over them.
    cpSync(join(repo, '.yarnrc.yml'), join(dir, '.yarnrc.yml'));
    cpSync(join(repo, '.yarn/releases'), join(dir, '.yarn/releases'), {
      recursive: true,
    });
    for (const file of ['yarn.lock', 'package.json'])
      cpSync(join(repo, file), join(dir, file));
    check(
      run('tar', ['xzf', join(backendDist, 'skeleton.tar.gz'), '-C', dir]),
      'unpacking skeleton.tar.gz failed',
    );
    const yarnRelease = join(
      dir,
      '.yarn/releases',
      readdirSync(join(dir, '.yarn/releases'))[0],
    );
    const focus = offline => {
      const result = spawnSync(
        process.execPath,
        [yarnRelease, 'workspaces', 'focus', '--all', '--production'],
        {
          cwd: dir,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          env: {
            ...process.env,
            YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
            YARN_ENABLE_PROGRESS_BARS: 'false',
            ...(offline ? { YARN_ENABLE_NETWORK: 'false' } : {}),
          },
        },
      );
      if (result.status !== 0) {
        const log = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n');
        console.warn(
          log
            .filter(
              line => !line.includes('STDOUT') && !line.includes('STDERR'),
            )
            .slice(-30)
            .join('\n'),
        );
      }
      return result.status === 0;
    };
    if (focus(true)) {
      phase(
        'installed the production dependencies offline, from the Yarn cache',
      );
    } else {
      console.warn(
        '[production bundle] the offline install failed (a package missing from the Yarn cache?); trying with the registry',
      );
      check(
        focus(false),
        'yarn workspaces focus --all --production failed in the unpacked skeleton',
      );
      phase('installed the production dependencies (with the registry)');
    }
    check(
      run('tar', ['xzf', join(backendDist, 'bundle.tar.gz'), '-C', dir]),
      'unpacking bundle.tar.gz failed',
    );
    for (const file of [
      'app-config.yaml',
      'app-config.production.yaml',
      'examples',
      'templates',
    ]) {
      cpSync(join(repo, file), join(dir, file), { recursive: true });
    }
    phase('unpacked the bundle');

    // The fleet: the simulator's CLI, serving HTTPS, in its own process.
    const sim = await startSimulator(
      repo,
      join(dir, 'simulator'),
      SIMULATED_CLUSTERS,
    );
    simulator = sim.child;
    const urls = { mgmt: sim.mgmt.url, dns: sim.dns.url };
    const files = { mgmt: sim.mgmt, dns: sim.dns };
    phase(
      `the fleet simulator serves ${SIMULATED_CLUSTERS} clusters at ${urls.mgmt}`,
    );

    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const token = randomBytes(24).toString('base64url');
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !key.startsWith('APP_CONFIG_') && key !== 'GITHUB_TOKEN',
      ),
    );
    backend = start(
      process.execPath,
      [
        'packages/backend',
        '--config',
        'app-config.yaml',
        '--config',
        'app-config.production.yaml',
      ],
      {
        cwd: dir,
        env: {
          ...env,
          NODE_ENV: 'production',
          // What app-config.production.yaml reads from the environment.
          APP_BASE_URL: baseUrl,
          BACKEND_BASE_URL: baseUrl,
          BACKEND_SECRET: randomBytes(24).toString('base64url'),
          POSTGRES_HOST: postgres.host,
          POSTGRES_PORT: String(postgres.port),
          POSTGRES_USER: postgres.user,
          POSTGRES_PASSWORD: postgres.password,
          REDIS_URL: redisUrl,
          FLEET_MANAGEMENT_ID: 'sim',
          FLEET_MANAGEMENT_URL: urls.mgmt,
          FLEET_MANAGEMENT_CA_FILE: files.mgmt.ca,
          FLEET_MANAGEMENT_TOKEN_FILE: files.mgmt.token,
          FLEET_DNS_ID: 'sim-dns',
          FLEET_DNS_URL: urls.dns,
          FLEET_DNS_CA_FILE: files.dns.ca,
          FLEET_DNS_TOKEN_FILE: files.dns.token,
          // Only for this test: a free port instead of 7007, fresh databases, and a static token
          // (the guest provider refuses to sign anyone in when NODE_ENV is production).
          APP_CONFIG_backend_listen: `:${port}`,
          APP_CONFIG_backend_database_prefix: prefix,
          APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
            {
              type: 'static',
              options: { token, subject: 'production-bundle-test' },
            },
          ]),
        },
      },
    );

    await waitFor('readiness', READY_TIMEOUT_MS, backend, async () => {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      return res.status === 200
        ? { done: true }
        : { done: false, why: `${res.status} ${await res.text()}` };
    });
    phase(`the bundle is ready at ${baseUrl}`);

    const anonymous = await fetch(`${baseUrl}/api/fleet/clusters`);
    check(
      anonymous.status === 401,
      `/api/fleet/clusters without a token answered ${anonymous.status}, not 401`,
    );

    const clusters = await waitFor(
      'the simulated clusters in /api/fleet/clusters',
      FLEET_TIMEOUT_MS,
      backend,
      async () => {
        const res = await fetch(`${baseUrl}/api/fleet/clusters`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (res.status !== 200)
          return { done: false, why: `${res.status} ${await res.text()}` };
        const { items } = await res.json();
        return items?.length === SIMULATED_CLUSTERS
          ? { done: true, value: items }
          : { done: false, why: `${items?.length ?? 'no'} clusters` };
      },
    );
    for (const cluster of clusters) {
      check(
        cluster.id.startsWith('sim/'),
        `cluster ${cluster.id} is not from management cluster sim`,
      );
      check(
        cluster.demo === false,
        `cluster ${cluster.id} is marked as the demo fleet`,
      );
      check(
        cluster.apiServer?.startsWith(new URL(urls.mgmt).origin),
        `cluster ${cluster.id}: API server ${cluster.apiServer} is not the simulator's`,
      );
    }
    check(
      !/SIMULATED demo fleet/.test(backend.output),
      'the backend started the demo fleet although a management cluster is configured',
    );
    phase(
      `/api/fleet/clusters lists the ${
        clusters.length
      } simulated clusters (${clusters.map(c => c.id).join(', ')})`,
    );

    const page = await fetch(`${baseUrl}/`);
    const html = await page.text();
    check(
      page.status === 200 && html.includes('<div id="root">'),
      `/ answered ${page.status} without the app's page`,
    );
    phase('the app is served at /');

    const templates = await waitFor(
      'the templates in the catalog',
      FLEET_TIMEOUT_MS,
      backend,
      async () => {
        const res = await fetch(
          `${baseUrl}/api/catalog/entities/by-query?filter=kind=template`,
          {
            headers: { authorization: `Bearer ${token}` },
          },
        );
        if (res.status !== 200)
          return { done: false, why: `${res.status} ${await res.text()}` };
        const { items } = await res.json();
        return items.length > 0
          ? { done: true, value: items }
          : { done: false, why: 'no templates yet' };
      },
    );
    phase(`the catalog read ./templates: ${templates.length} templates`);

    const fleetDatabase = `${prefix}fleet`;
    const fleetDb = databaseClient(fleetDatabase);
    await fleetDb.connect();
    try {
      const migrations = readdirSync(
        join(repo, 'plugins/fleet-backend/migrations'),
      ).filter(f => f.endsWith('.js'));
      const ran = (
        await fleetDb.query('select name from fleet_knex_migrations')
      ).rows.map(r => r.name);
      check(
        migrations.every(m => ran.includes(m)),
        `database ${fleetDatabase} ran migrations ${ran.join(
          ', ',
        )}; expected ${migrations.join(', ')}`,
      );
      const stored = Number(
        (await fleetDb.query('select count(*) as n from fleet_clusters'))
          .rows[0].n,
      );
      check(
        stored === SIMULATED_CLUSTERS,
        `database ${fleetDatabase} holds ${stored} clusters, not ${SIMULATED_CLUSTERS}`,
      );
      const tables = (
        await fleetDb.query(
          "select table_name from information_schema.tables where table_schema = 'public' order by 1",
        )
      ).rows.map(r => r.table_name);
      phase(
        `database ${fleetDatabase}: ${
          migrations.length
        } migrations ran, ${stored} clusters stored; tables ${tables.join(
          ', ',
        )}`,
      );
    } finally {
      await fleetDb.end();
    }

    await stop(backend, 'the backend');
    phase('the backend stopped on SIGTERM');
  } finally {
    if (backend) await stop(backend, 'the backend');
    if (simulator) await stop(simulator, 'the fleet simulator');
    const dropped = await dropDatabases(prefix).catch(error => {
      console.warn(
        `[production bundle] could not drop the databases ${prefix}*: ${error.message}`,
      );
      return [];
    });
    console.log(
      `[production bundle] dropped ${dropped.length} databases ${prefix}*`,
    );
    if (process.env.FLEET_KEEP_BUNDLE_DIR)
      console.log(`[production bundle] kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `[production bundle] passed in ${((Date.now() - started) / 1000).toFixed(
      0,
    )} s`,
  );
}

main().catch(error => {
  console.error(
    `[production bundle] FAILED: ${
      error instanceof Failure ? error.message : error.stack
    }`,
  );
  process.exitCode = 1;
});
