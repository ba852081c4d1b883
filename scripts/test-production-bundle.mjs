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
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, connect } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromBackend = createRequire(
  join(repo, 'packages/backend/package.json'),
);
const { Client } = requireFromBackend('pg');
const YAML = requireFromBackend('yaml');

const reuse = process.argv.includes('--reuse');
const SIMULATED_CLUSTERS = 3;
const READY_TIMEOUT_MS = 120_000;
const FLEET_TIMEOUT_MS = 60_000;

const postgres = {
  host: process.env.FLEET_TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.FLEET_TEST_PG_PORT ?? 5432),
  user: process.env.FLEET_TEST_PG_USER ?? 'postgres',
  password: process.env.FLEET_TEST_PG_PASSWORD ?? '',
};
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

class Failure extends Error {}
function check(condition, message) {
  if (!condition) throw new Failure(message);
}

const children = [];
function stopChildren() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null)
      child.kill('SIGKILL');
  }
}
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopChildren();
    process.exit(130);
  });
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.status === 0;
}

async function adminClient() {
  const client = new Client({
    ...postgres,
    database: process.env.FLEET_TEST_PG_DATABASE ?? 'postgres',
    connectionTimeoutMillis: 3_000,
  });
  await client.connect();
  return client;
}

async function requirePostgres() {
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

async function dropDatabases(prefix) {
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

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts a child process, keeping the tail of its output for failure messages. */
function start(command, args, options) {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  children.push(child);
  child.output = '';
  const keep = chunk => {
    child.output = (child.output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise(resolveExit =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );
  return child;
}

async function waitFor(what, timeoutMs, child, attempt) {
  const deadline = Date.now() + timeoutMs;
  let last = 'nothing yet';
  while (Date.now() < deadline) {
    check(
      child.exitCode === null && child.signalCode === null,
      `${what}: the process exited (${
        child.exitCode ?? child.signalCode
      }). Its last output:\n${child.output.slice(-6_000)}`,
    );
    try {
      const result = await attempt();
      if (result.done) return result.value;
      last = result.why;
    } catch (error) {
      last = error.message;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Failure(
    `${what}: not within ${
      timeoutMs / 1000
    } s (last: ${last}). Its last output:\n${child.output.slice(-6_000)}`,
  );
}

async function stop(child, name) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise(r => setTimeout(() => r('timeout'), 20_000));
  if ((await Promise.race([child.exited, timeout])) === 'timeout') {
    console.warn(
      `[production bundle] ${name} did not stop within 20 s of SIGTERM; killing it`,
    );
    child.kill('SIGKILL');
    await child.exited;
  }
}

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
    const simulatorDir = join(dir, 'simulator');
    mkdirSync(simulatorDir);
    simulator = start(
      process.execPath,
      [
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        'packages/fleet-simulator/src/cli.ts',
        '--tls',
        '--clusters',
        String(SIMULATED_CLUSTERS),
        '--out',
        simulatorDir,
      ],
      { cwd: repo },
    );
    const urls = await waitFor(
      'the fleet simulator',
      60_000,
      simulator,
      async () => {
        const found = Object.fromEntries(
          [
            ...simulator.output.matchAll(/^(mgmt|dns): (\S+) \(kubeconfig /gm),
          ].map(m => [m[1], m[2]]),
        );
        return found.mgmt && found.dns
          ? { done: true, value: found }
          : { done: false, why: 'no URLs printed yet' };
      },
    );
    const files = {};
    for (const name of ['mgmt', 'dns']) {
      const kubeconfig = YAML.parse(
        readFileSync(join(simulatorDir, `${name}.kubeconfig`), 'utf8'),
      );
      files[name] = {
        ca: join(simulatorDir, `${name}-ca.crt`),
        token: join(simulatorDir, `${name}-token`),
      };
      writeFileSync(
        files[name].ca,
        Buffer.from(
          kubeconfig.clusters[0].cluster['certificate-authority-data'],
          'base64',
        ),
      );
      writeFileSync(files[name].token, kubeconfig.users[0].user.token, {
        mode: 0o600,
      });
    }
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
    const fleetDb = new Client({ ...postgres, database: fleetDatabase });
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
