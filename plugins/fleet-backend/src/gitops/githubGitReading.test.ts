import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import {
  branchHead,
  clusterDeploymentPath,
  findLocalRepository,
  readCommitFiles,
  setBranch,
  writeFilesCommit,
} from '@fleet-portal/plugin-fleet-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGithubRepository } from '../__testUtils__/fakeGithubRepository';
import { simulatorRefresher } from '../__testUtils__/simulatorRefresher';
import { createTestStore } from '../__testUtils__/testStore';
import { WorkerFleetReader } from '../service/WorkerFleetReader';
import type { DatabaseFleetStore } from '../service/DatabaseFleetStore';
import type { FleetRefresher } from '../service/FleetRefresher';
import { githubRepositoryFromConfig } from './githubApi';
import { GithubGitRevisions } from './GithubGitRevisions';
import { storedDetail } from '../__testUtils__/storedDetail';

jest.setTimeout(90_000);

const HOST = 'github.example.test';
const OWNER = 'platform';
const REPO = 'fleet-gitops';
const TOKEN = 'ghp_fake_token_never_shown';

describe('GitHub mode: Git read through the GitHub integration and UrlReaderService (simulated Flux, fake GitHub over HTTP)', () => {
  let dir: string;
  let sim: FleetSimulator;
  let github: Awaited<ReturnType<typeof startFakeGithubRepository>>;
  let store: DatabaseFleetStore;
  let refresher: FleetRefresher | undefined;
  let worker: WorkerFleetReader | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-github-git-'));
    sim = await startFleetSimulator({
      clusters: 2,
      tls: true,
      gitops: { dir: join(dir, 'repo'), pollMs: 60_000, stepMs: 60_000 },
    });
    github = await startFakeGithubRepository({
      dir: join(dir, 'repo'),
      owner: OWNER,
      repo: REPO,
    });
    ({ store } = await createTestStore());
  });
  afterEach(async () => {
    await refresher?.close();
    await worker?.close();
    refresher = undefined;
    worker = undefined;
    await github.stop();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function gitRevisions(): GithubGitRevisions {
    const config = new ConfigReader({
      fleet: {
        gitops: { github: { repoUrl: `${HOST}?owner=${OWNER}&repo=${REPO}` } },
      },
      integrations: {
        github: [{ host: HOST, apiBaseUrl: github.apiBaseUrl, token: TOKEN }],
      },
    });
    const urlReader = UrlReaders.default({
      config,
      logger: mockServices.logger.mock(),
    });
    return new GithubGitRevisions(
      githubRepositoryFromConfig(config),
      urlReader,
    );
  }

  const cluster = () => sim.model.clusters[0];
  async function detail(): Promise<ClusterDetail> {
    await refresher!.refreshAll();
    return storedDetail(store, cluster());
  }
  function editLiveClusterDeployment() {
    const mgmt = sim.objects('mgmt');
    const live = mgmt.get({
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeployment',
      namespace: cluster().namespace,
      name: cluster().name,
    })!;
    (live.spec as any).config.workersNumber = 9;
    mgmt.upsert(live);
  }
  async function commitBrokenManifest(): Promise<string> {
    const repo = findLocalRepository(join(dir, 'repo'))!;
    const parent = (await branchHead(repo, 'main'))!;
    const files = await readCommitFiles(repo, parent);
    files.set(
      clusterDeploymentPath(cluster().namespace, cluster().name),
      Buffer.from('spec: [unclosed\n'),
    );
    const oid = await writeFilesCommit(repo, {
      files,
      parent,
      message: 'Break the manifest\n\nA body line.',
      author: { name: 'Test', email: 'test@localhost' },
    });
    await setBranch(repo, 'main', oid);
    await sim.gitops!.reconcile();
    return oid;
  }
  const liveDiffs = (d: ClusterDetail) =>
    d.drift.filter(f => f.type === 'live-differs-from-git');

  it('finds an edit outside Git at the applied revision, read from the commit archive with the integration token', async () => {
    refresher = simulatorRefresher(sim, store, {
      gitRevisions: gitRevisions(),
    });
    expect(liveDiffs(await detail())).toEqual([]);
    editLiveClusterDeployment();
    const d = await detail();
    expect(liveDiffs(d)).toEqual([
      {
        type: 'live-differs-from-git',
        object: `ClusterDeployment ${cluster().namespace}/${cluster().name}`,
        path: clusterDeploymentPath(cluster().namespace, cluster().name),
        revision: d.gitops!.appliedRevision!.value,
        fields: ['spec.config.workersNumber'],
      },
    ]);
    const applied = d.gitops!.appliedRevision!.value.replace('main@sha1:', '');
    const tarballs = github.seen.filter(s => s.path.includes('/tarball/'));
    // One archive per commit, kept across refreshes; always with the integration's token.
    expect(tarballs.map(s => s.path)).toEqual([
      `/repos/${OWNER}/${REPO}/tarball/${applied}`,
    ]);
    expect(new Set(github.seen.map(s => s.authorization))).toEqual(
      new Set([`Bearer ${TOKEN}`]),
    );
  });

  it("names the commits Git is ahead by, from GitHub's comparison", async () => {
    refresher = simulatorRefresher(sim, store, {
      gitRevisions: gitRevisions(),
    });
    const applied = (await detail()).gitops!.appliedRevision!.value;
    const broken = await commitBrokenManifest();
    const d = await detail();
    expect(d.drift).toContainEqual({
      type: 'git-pending',
      kustomization: 'flux-system/fleet-clusters',
      fetched: `main@sha1:${broken}`,
      applied,
      ahead: 1,
      commits: [
        {
          commit: broken,
          title: 'Break the manifest',
          committedAt: expect.any(String),
        },
      ],
    });
  });

  it('reads through the worker thread, the main thread fetching from GitHub for it', async () => {
    worker = await WorkerFleetReader.start({
      managementClusters: [
        {
          id: 'mgmt',
          url: sim.management.url,
          caData: sim.management.caData,
          serviceAccountToken: sim.management.token,
        },
      ],
      dnsClusters: [
        {
          id: 'dns',
          url: sim.dns.url,
          caData: sim.dns.caData,
          serviceAccountToken: sim.dns.token,
        },
      ],
      clusterTimeoutMs: 5_000,
      concurrency: 4,
      niceness: 0,
      gitRevisions: gitRevisions(),
    });
    refresher = simulatorRefresher(sim, store, { reader: worker });
    editLiveClusterDeployment();
    const d = await detail();
    expect(liveDiffs(d).map(f => (f as any).fields)).toEqual([
      ['spec.config.workersNumber'],
    ]);
    await commitBrokenManifest();
    expect((await detail()).drift).toContainEqual(
      expect.objectContaining({ type: 'git-pending', ahead: 1 }),
    );
  });

  it('reports a repository GitHub will not serve on the cluster, and keeps the rest of the cluster', async () => {
    refresher = simulatorRefresher(sim, store, {
      gitRevisions: gitRevisions(),
    });
    github.fail(500);
    editLiveClusterDeployment();
    const d = await detail();
    expect(liveDiffs(d)).toEqual([]);
    expect(d.gitopsProblem).toEqual({
      during: `reading Git at the applied revision ${
        d.gitops!.appliedRevision!.value
      }`,
      message: expect.stringMatching(
        new RegExp(
          `^commit [0-9a-f]{12} could not be read from the GitOps repository ${OWNER}/${REPO} on ${HOST} \\(.*500`,
        ),
      ),
      at: expect.any(String),
    });
    expect(JSON.stringify(d)).not.toContain(TOKEN);
    expect(d.nodes.total).toBeGreaterThan(0);
    expect(d.read.failures).toEqual([]);

    // GitHub serves again: the revision is tried again at the next refresh.
    github.fail(undefined);
    const again = await detail();
    expect(again.gitopsProblem).toBeUndefined();
    expect(liveDiffs(again)).toHaveLength(1);
  });
});
