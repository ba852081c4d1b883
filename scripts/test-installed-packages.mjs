// Proof outside the repository: builds and packs the published packages (@fleet-portal/*),
// creates a fresh, minimal Backstage app and backend in a temporary directory that depend only
// on those tarballs and the registry, wired as the packages' READMEs say, and checks that
//   - each tarball holds its build (CommonJS + types), README, CHANGELOG and no workspace: range;
//   - the fresh backend starts with them, against PostgreSQL, pointed at the fleet simulator
//     (started from its CLI as a separate process), and /api/fleet/clusters lists the
//     simulator's clusters with their nodes' image digests read from it;
//   - the catalog holds each cluster as a Resource, from the catalog module;
//   - the scaffolder offers the fleet's actions;
//   - the fresh frontend app builds with the fleet plugin (new frontend system) in its bundle.
// `--reuse` keeps existing builds of the packages. FLEET_KEEP_INSTALL_DIR=1 keeps the directory.
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
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from './lib/fleetSimulator.mjs';
import {
  check,
  Failure,
  freePort,
  run,
  start,
  stop,
  waitFor,
} from './lib/processes.mjs';
import { dropDatabases, postgres, requirePostgres } from './lib/postgres.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reuse = process.argv.includes('--reuse');
const SIMULATED_CLUSTERS = 3;
const yarnRelease = join(
  repo,
  '.yarn/releases',
  readdirSync(join(repo, '.yarn/releases'))[0],
);

/** The published packages: their folder, and what the fresh app must find in each tarball. */
const PUBLISHED = [
  {
    dir: 'plugins/fleet-common',
    files: ['dist/index.cjs.js', 'dist/index.esm.js', 'dist/index.d.ts'],
  },
  {
    dir: 'plugins/fleet-node',
    files: ['dist/index.cjs.js', 'dist/index.d.ts'],
  },
  {
    dir: 'plugins/fleet-backend',
    files: [
      'dist/index.cjs.js',
      'dist/index.d.ts',
      'config.schema.json',
      'openapi.yaml',
      'migrations',
    ],
  },
  {
    dir: 'plugins/scaffolder-actions',
    files: ['dist/index.cjs.js', 'dist/index.d.ts', 'config.schema.json', 'schemas'],
  },
  {
    dir: 'plugins/fleet-frontend',
    files: [
      'dist/index.esm.js',
      'dist/index.d.ts',
      'dist/alpha.esm.js',
      'dist/alpha.d.ts',
    ],
  },
];

const started = Date.now();
let phaseStarted = started;
function phase(name) {
  const now = Date.now();
  console.log(
    `[installed packages] ${name} (${((now - phaseStarted) / 1000).toFixed(
      1,
    )} s)`,
  );
  phaseStarted = now;
}

const readJson = file => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
};
const yarn = (args, cwd, env = {}) =>
  run(process.execPath, [yarnRelease, ...args], {
    cwd,
    env: {
      ...process.env,
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
      YARN_ENABLE_PROGRESS_BARS: 'false',
      ...env,
    },
  });

function buildAndPack(tarballs) {
  if (!reuse || PUBLISHED.some(p => !existsSync(join(repo, p.dir, 'dist')))) {
    // Declarations first: each package's build bundles its types from dist-types.
    check(yarn(['tsc'], repo), 'yarn tsc failed');
    for (const p of PUBLISHED)
      check(
        yarn(['backstage-cli', 'package', 'build'], join(repo, p.dir)),
        `building ${p.dir} failed`,
      );
    phase('built the published packages');
  }
  const packed = {};
  for (const p of PUBLISHED) {
    const manifest = readJson(join(repo, p.dir, 'package.json'));
    const out = join(
      tarballs,
      `${manifest.name.replace('@', '').replace('/', '-')}.tgz`,
    );
    check(
      yarn(['pack', '--out', out], join(repo, p.dir)),
      `yarn pack failed in ${p.dir}`,
    );
    const unpacked = join(tarballs, manifest.name.replace('/', '+'));
    mkdirSync(unpacked, { recursive: true });
    check(run('tar', ['xzf', out, '-C', unpacked]), `unpacking ${out} failed`);
    const root = join(unpacked, 'package');
    for (const file of [
      ...p.files,
      'README.md',
      'CHANGELOG.md',
      'package.json',
    ])
      check(
        existsSync(join(root, file)),
        `${manifest.name}'s tarball lacks ${file}`,
      );
    const packedManifest = readFileSync(join(root, 'package.json'), 'utf8');
    check(
      !packedManifest.includes('workspace:'),
      `${manifest.name}'s packed package.json still holds a workspace: range`,
    );
    const parsed = JSON.parse(packedManifest);
    check(!parsed.private, `${manifest.name} is private`);
    check(
      !JSON.stringify(parsed.exports ?? {}).includes('/src/'),
      `${manifest.name}'s exports still point at src/`,
    );
    check(
      existsSync(join(root, parsed.main ?? 'index.js')),
      `${manifest.name}'s main ${parsed.main} is not in its tarball`,
    );
    packed[manifest.name] = out;
  }
  phase(`packed ${Object.keys(packed).join(', ')}`);
  return packed;
}

/** The fresh app: a Backstage monorepo of two packages, as `@backstage/create-app` lays one out. */
function writeFreshApp(dir, packed) {
  const repoBackend = readJson(join(repo, 'packages/backend/package.json'));
  const repoApp = readJson(join(repo, 'packages/app/package.json'));
  const repoRoot = readJson(join(repo, 'package.json'));
  const version = (manifest, name) => {
    const range =
      manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
    check(range, `the repository's ${manifest.name} does not name ${name}`);
    return range;
  };
  // Only the tarballs: no path into this repository.
  const resolutions = Object.fromEntries(
    Object.entries(packed).map(([name, file]) => [name, `file:${file}`]),
  );
  writeJson(join(dir, 'package.json'), {
    name: 'fresh-portal',
    private: true,
    workspaces: ['packages/*'],
    resolutions: { ...repoRoot.resolutions, ...resolutions },
  });
  cpSync(join(repo, '.yarnrc.yml'), join(dir, '.yarnrc.yml'));
  cpSync(join(repo, '.yarn/releases'), join(dir, '.yarn/releases'), {
    recursive: true,
  });
  // The repository's lockfile pins the registry packages to the versions this repository tests.
  cpSync(join(repo, 'yarn.lock'), join(dir, 'yarn.lock'));

  const backendDeps = [
    '@backstage/backend-defaults',
    '@backstage/plugin-catalog-backend',
    '@backstage/plugin-scaffolder-backend',
  ];
  writeJson(join(dir, 'packages/backend/package.json'), {
    name: 'backend',
    version: '0.0.0',
    private: true,
    main: 'src/index.js',
    backstage: { role: 'backend' },
    dependencies: {
      ...Object.fromEntries(backendDeps.map(n => [n, version(repoBackend, n)])),
      '@fleet-portal/plugin-fleet-backend': '*',
      '@fleet-portal/plugin-scaffolder-backend-module-fleet': '*',
    },
  });
  // As the READMEs say, in plain JavaScript: nothing of this repository's build tooling.
  mkdirSync(join(dir, 'packages/backend/src'), { recursive: true });
  writeFileSync(
    join(dir, 'packages/backend/src/index.js'),
    [
      "const { createBackend } = require('@backstage/backend-defaults');",
      "const { catalogModuleFleetEntities } = require('@fleet-portal/plugin-fleet-backend');",
      '',
      'const backend = createBackend();',
      "backend.add(import('@backstage/plugin-catalog-backend'));",
      "backend.add(import('@backstage/plugin-scaffolder-backend'));",
      "backend.add(import('@fleet-portal/plugin-scaffolder-backend-module-fleet'));",
      "backend.add(import('@fleet-portal/plugin-fleet-backend'));",
      'backend.add(catalogModuleFleetEntities);',
      'backend.start();',
      '',
    ].join('\n'),
    { flag: 'w' },
  );

  const appDeps = [
    '@backstage/cli',
    '@backstage/frontend-defaults',
    '@backstage/plugin-catalog',
    'react',
    'react-dom',
    'react-router',
    'react-router-dom',
  ];
  writeJson(join(dir, 'packages/app/package.json'), {
    name: 'app',
    version: '0.0.0',
    private: true,
    bundled: true,
    backstage: { role: 'frontend' },
    scripts: { build: 'backstage-cli package build' },
    dependencies: {
      ...Object.fromEntries(appDeps.map(n => [n, version(repoApp, n)])),
      '@fleet-portal/plugin-fleet': '*',
    },
    browserslist: repoApp.browserslist,
  });
  mkdirSync(join(dir, 'packages/app/src'), { recursive: true });
  writeFileSync(
    join(dir, 'packages/app/src/index.tsx'),
    [
      "import ReactDOM from 'react-dom/client';",
      "import { createApp } from '@backstage/frontend-defaults';",
      "import catalogPlugin from '@backstage/plugin-catalog/alpha';",
      "import fleetPlugin from '@fleet-portal/plugin-fleet/alpha';",
      '',
      'const app = createApp({ features: [catalogPlugin, fleetPlugin] });',
      "ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());",
      '',
    ].join('\n'),
  );
  mkdirSync(join(dir, 'packages/app/public'), { recursive: true });
  writeFileSync(
    join(dir, 'packages/app/public/index.html'),
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8" /><title><%= config.getString(\'app.title\') %></title></head>\n<body><div id="root"></div></body></html>\n',
  );
}

function writeConfig(dir, { port, token, prefix, sim }) {
  const baseUrl = `http://localhost:${port}`;
  const config = {
    app: { title: 'Fresh portal', baseUrl },
    backend: {
      baseUrl,
      listen: { port },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token, subject: 'installed-packages-test' },
          },
        ],
      },
      database: { client: 'pg', prefix, connection: { ...postgres } },
    },
    fleet: {
      managementClusters: [
        {
          id: 'sim',
          url: sim.mgmt.url,
          caFile: sim.mgmt.ca,
          serviceAccountTokenFile: sim.mgmt.token,
          defaultOwner: 'group:default/platform-team',
        },
      ],
      dnsClusters: [
        {
          id: 'sim-dns',
          url: sim.dns.url,
          caFile: sim.dns.ca,
          serviceAccountTokenFile: sim.dns.token,
        },
      ],
    },
  };
  writeFileSync(
    join(dir, 'app-config.yaml'),
    `${JSON.stringify(config, null, 2)}\n`,
  );
  return baseUrl;
}

async function checkBackend(backend, baseUrl, token) {
  const get = async path => {
    const res = await fetch(`${baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      body: res.status === 200 ? await res.json() : await res.text(),
    };
  };
  await waitFor('readiness', 120_000, backend, async () => {
    const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
    return res.status === 200
      ? { done: true }
      : { done: false, why: `${res.status} ${await res.text()}` };
  });
  phase(`the fresh backend is ready at ${baseUrl}`);

  const clusters = await waitFor(
    'the simulated clusters in /api/fleet/clusters',
    60_000,
    backend,
    async () => {
      const { status, body } = await get('/api/fleet/clusters');
      if (status !== 200) return { done: false, why: `${status} ${body}` };
      return body.items?.length === SIMULATED_CLUSTERS &&
        body.items.every(c => c.read?.lastSuccessAt)
        ? { done: true, value: body.items }
        : { done: false, why: `${body.items?.length ?? 'no'} clusters` };
    },
  );
  for (const cluster of clusters) {
    check(
      cluster.id.startsWith('sim/'),
      `cluster ${cluster.id} is not from management cluster sim`,
    );
    const digests = cluster.images.map(i => i.digest);
    check(
      cluster.nodes.total > 0 &&
        digests.length > 0 &&
        digests.every(d => /^sha256:[0-9a-f]{64}$/.test(d)),
      `cluster ${
        cluster.id
      }: no nodes or node image digests read (${JSON.stringify({
        nodes: cluster.nodes,
        images: cluster.images,
      })})`,
    );
    const detail = await get(`/api/fleet/clusters/${cluster.id}`);
    check(
      detail.status === 200,
      `/api/fleet/clusters/${cluster.id} answered ${detail.status}: ${detail.body}`,
    );
  }
  phase(
    `/api/fleet/clusters lists the ${clusters.length} simulated clusters, with their nodes' image digests`,
  );

  const entities = await waitFor(
    'the clusters in the catalog',
    90_000,
    backend,
    async () => {
      const { status, body } = await get(
        '/api/catalog/entities/by-query?filter=kind=resource,spec.type=kubernetes-cluster',
      );
      if (status !== 200) return { done: false, why: `${status} ${body}` };
      return body.items.length === SIMULATED_CLUSTERS
        ? { done: true, value: body.items }
        : { done: false, why: `${body.items.length} cluster entities` };
    },
  );
  const names = entities
    .map(e => e.metadata.annotations?.['fleetportal.io/cluster-deployment'])
    .sort();
  const ids = clusters.map(c => c.id).sort();
  check(
    JSON.stringify(names) === JSON.stringify(ids),
    `the catalog's clusters ${names} are not the fleet's ${ids}`,
  );
  phase(`the catalog holds the ${entities.length} clusters as Resources`);

  const actions = await get('/api/scaffolder/v2/actions');
  check(
    actions.status === 200,
    `/api/scaffolder/v2/actions answered ${actions.status}`,
  );
  const fleetActions = actions.body
    .map(a => a.id)
    .filter(id => id.startsWith('fleet:'));
  check(
    fleetActions.includes('fleet:cluster:manifest'),
    `the scaffolder offers no fleet:cluster:manifest (only ${fleetActions})`,
  );
  phase(`the scaffolder offers ${fleetActions.length} fleet actions`);
}

async function main() {
  await requirePostgres();
  const dir = mkdtempSync(join(tmpdir(), 'fleet-installed-packages-'));
  const prefix = `fleet_installed_${process.pid}_${randomBytes(3).toString(
    'hex',
  )}_`;
  let backend;
  let sim;
  try {
    const packed = buildAndPack(join(dir, 'tarballs'));
    const app = join(dir, 'fresh-portal');
    writeFreshApp(app, packed);
    check(yarn(['install'], app), 'yarn install failed in the fresh app');
    phase('installed the fresh app from the tarballs and the registry');

    sim = await startSimulator(
      repo,
      join(dir, 'simulator'),
      SIMULATED_CLUSTERS,
    );
    const port = await freePort();
    const token = randomBytes(24).toString('base64url');
    const baseUrl = writeConfig(app, { port, token, prefix, sim });
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !key.startsWith('APP_CONFIG_'),
      ),
    );
    backend = start(
      process.execPath,
      ['packages/backend', '--config', 'app-config.yaml'],
      {
        cwd: app,
        env: { ...env, NODE_ENV: 'production' },
      },
    );
    await checkBackend(backend, baseUrl, token);
    await stop(backend, 'the fresh backend');

    check(
      yarn(['workspace', 'app', 'build'], app),
      'the fresh frontend app did not build',
    );
    const dist = join(app, 'packages/app/dist');
    const scripts = readdirSync(join(dist, 'static')).filter(f =>
      f.endsWith('.js'),
    );
    const hasFleet = scripts.some(f =>
      readFileSync(join(dist, 'static', f), 'utf8').includes('fleet-cluster-link'),
    );
    check(
      existsSync(join(dist, 'index.html')) && hasFleet,
      'the fresh app built, but the fleet plugin is not in its bundle',
    );
    phase('the fresh frontend app builds with the fleet plugin');
  } finally {
    if (backend) await stop(backend, 'the fresh backend');
    if (sim) await stop(sim.child, 'the fleet simulator');
    await dropDatabases(prefix).catch(error =>
      console.warn(`could not drop the databases ${prefix}*: ${error.message}`),
    );
    if (process.env.FLEET_KEEP_INSTALL_DIR)
      console.log(`[installed packages] kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `[installed packages] passed in ${((Date.now() - started) / 1000).toFixed(
      0,
    )} s`,
  );
}

main().catch(error => {
  console.error(
    `[installed packages] FAILED: ${
      error instanceof Failure ? error.message : error.stack
    }`,
  );
  process.exitCode = 1;
});
