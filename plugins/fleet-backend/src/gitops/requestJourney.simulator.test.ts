import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import type { GitopsRequestItem } from '@fleet-portal/plugin-fleet-common';
import {
  branchHead,
  clusterDeploymentPath,
  findLocalRepository,
  readCommitFiles,
  type LocalRepository,
} from '@fleet-portal/plugin-fleet-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitRequest } from '../__testUtils__/gitopsRepository';
import { simulatorRefresher } from '../__testUtils__/simulatorRefresher';
import { createTestStore } from '../__testUtils__/testStore';
import type { FleetRefresher } from '../service/FleetRefresher';
import { GitopsRequests } from './GitopsRequests';
import { LocalRequestSource } from './LocalRequestSource';
import { DatabaseRequestStore } from './RequestStore';
import { RequestTracker } from './RequestTracker';

jest.setTimeout(120_000);

const JANE = 'user:default/jane.doe';

describe('a request followed from its branch to the fleet (simulated Flux, TLS, real client)', () => {
  let dir: string;
  let sim: FleetSimulator;
  let refresher: FleetRefresher;
  let requests: GitopsRequests;
  let repo: LocalRepository;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-journey-'));
    const repoDir = join(dir, 'repo');
    // Flux polls only when told to, and controllers move one step at a time when told to.
    sim = await startFleetSimulator({
      clusters: 12,
      tls: true,
      gitops: { dir: repoDir, pollMs: 600_000, stepMs: 600_000 },
    });
    const { store, db } = await createTestStore();
    refresher = simulatorRefresher(sim, store, { gitopsRepository: repoDir });
    const settings = {
      mode: 'local' as const,
      localRepository: repoDir,
      defaultBranch: 'main',
    };
    const requestStore = new DatabaseRequestStore(db);
    requests = new GitopsRequests(
      settings,
      requestStore,
      new RequestTracker({
        source: new LocalRequestSource(settings),
        requests: requestStore,
        fleet: store,
      }),
    );
    repo = findLocalRepository(repoDir)!;
    await refresher.refreshAll();
  });
  afterEach(async () => {
    await refresher.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  // A cluster with nothing wrong before the request, so what the journey waits for is the request.
  const cluster = () =>
    sim.model.clusters.find(
      c =>
        c.scenarios.includes('healthy') &&
        !c.scenarios.includes('completed-upgrade'),
    )!;
  const path = () => clusterDeploymentPath(cluster().namespace, cluster().name);

  async function fileRequest(
    branch: string,
    edit: (text: string) => string,
  ): Promise<void> {
    const files = await readCommitFiles(
      repo,
      (await branchHead(repo, 'main'))!,
    );
    await commitRequest(repo, {
      branch,
      template: 'k0s-upgrade',
      inputs: { cluster: cluster().name, namespace: cluster().namespace },
      files: { [path()]: edit(files.get(path())!.toString()) },
    });
  }

  /** One refresh of the fleet and one pass of the tracker, as the scheduled task does. */
  async function check(branch: string): Promise<GitopsRequestItem> {
    await refresher.refreshAll();
    await requests.track();
    const { items } = await requests.list({ state: 'all' });
    return items.find(item => item.branch === branch)!;
  }

  it('goes opened → merged → applied → reconciled, each step with its time, commit and source', async () => {
    const branch = 'fleet/k0s-upgrade/journey001';
    await fileRequest(branch, text =>
      text.replace(/version: v1\.31\.\d+\+k0s\.0/, 'version: v1.32.0+k0s.0'),
    );
    let item = await check(branch);
    expect(item.journey.state).toBe('opened');
    expect(item.journey.waitingFor).toBe(
      'review: merge it on the Requests page',
    );
    expect(item.clusterId).toBe(
      `mgmt/${cluster().namespace}/${cluster().name}`,
    );

    const { commit: mergeCommit } = await requests.merge(branch, JANE);
    item = await check(branch);
    expect(item.journey.state).toBe('merged');
    expect(item.journey.steps[1]).toMatchObject({
      state: 'merged',
      commit: mergeCommit,
      source: 'branch main',
    });
    expect(item.journey.waitingFor).toMatch(
      /^Flux to apply it \(Kustomization flux-system\/fleet-clusters is at [0-9a-f]{12}\)$/,
    );

    await sim.gitops!.reconcile();
    item = await check(branch);
    expect(item.journey.state).toBe('applied');
    expect(item.journey.steps[2]).toMatchObject({
      state: 'applied',
      commit: `main@sha1:${mergeCommit}`,
      source: 'Kustomization flux-system/fleet-clusters',
    });
    expect(item.journey.waitingFor).toMatch(
      /^the cluster to converge: \d+ nodes still run k0s v1\.31\.\d+\+k0s(\.0)?, v1\.32\.0\+k0s\.0 wanted$/,
    );

    for (let i = 0; i < 40 && item.journey.state === 'applied'; i++) {
      await sim.gitops!.step();
      item = await check(branch);
    }
    expect(item.journey.state).toBe('reconciled');
    expect(item.journey.waitingFor).toBeUndefined();
    expect(item.journey.steps.map(s => s.state)).toEqual([
      'opened',
      'merged',
      'applied',
      'reconciled',
    ]);
    expect(item.journey.steps[3].source).toMatch(
      new RegExp(
        `^cluster mgmt/${cluster().namespace}/${cluster().name} read at `,
      ),
    );
    const times = item.journey.steps.map(s => Date.parse(s.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Reconciled is where a journey ends: later checks leave it as it is.
    expect((await check(branch)).journey).toEqual(item.journey);
  });

  it('fails with Flux’s reason when the merged change cannot be applied, and says what fixes it', async () => {
    const branch = 'fleet/k0s-upgrade/journey002';
    await fileRequest(branch, () => 'spec: [unclosed\n');
    await requests.merge(branch, JANE);
    await sim.gitops!.reconcile();
    const item = await check(branch);
    expect(item.journey.state).toBe('failed');
    expect(item.journey.steps.at(-1)).toMatchObject({
      state: 'failed',
      reason: 'BuildFailed',
      message: expect.stringContaining(path()),
      source: 'Kustomization flux-system/fleet-clusters',
    });
    expect(item.journey.waitingFor).toBe(
      'a fix merged to Git: Kustomization flux-system/fleet-clusters cannot apply it',
    );
    // The request shows among those not reconciled yet, and among the cluster's.
    const active = await requests.list({
      state: 'active',
      cluster: cluster().name,
    });
    expect(active.items.map(i => i.branch)).toContain(branch);
  });
});
