import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  exampleInput,
  runAction,
  snapshot,
  tempWorkspace,
} from '../__testUtils__/workspace';
import { createClusterDay2Action } from './clusterDay2';
import { createClusterManifestAction } from './clusterManifest';
import { clusterManifestExamples } from './clusterManifest.examples';
import { createVmManifestAction } from './vmManifest';
import { vmManifestExamples } from './vmManifest.examples';

const day2 = createClusterDay2Action();
const cluster = exampleInput(clusterManifestExamples[0]);
// One VM named as entered (the example is a pool).
const { count: _pool, ...vms } = exampleInput(vmManifestExamples[0]);
let ws: ReturnType<typeof tempWorkspace>;

beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

const scale = (extra: Record<string, unknown>) =>
  runAction(
    day2,
    { cluster: 'prod-eu1', operation: 'scale', workersNumber: 7, ...extra },
    ws.path,
  );

describe('one cluster name in two namespaces', () => {
  beforeEach(async () => {
    for (const namespace of ['team-risk', 'team-trading']) {
      await runAction(
        createClusterManifestAction(),
        { ...cluster, namespace },
        ws.path,
      );
      await runAction(
        createVmManifestAction(),
        { ...vms, namespace, name: `worker-${namespace}` },
        ws.path,
      );
    }
  });

  it('files each under its own namespace, the VMs too', () => {
    expect(Object.keys(snapshot(ws.path)).sort()).toEqual([
      'clusters/team-risk/prod-eu1/clusterdeployment.yaml',
      'clusters/team-trading/prod-eu1/clusterdeployment.yaml',
      'vms/team-risk/prod-eu1/worker-team-risk.yaml',
      'vms/team-trading/prod-eu1/worker-team-trading.yaml',
    ]);
  });

  it('asks for the namespace of a day-2 change, then changes only that cluster', async () => {
    await expect(scale({})).rejects.toThrow(
      'namespace: cluster prod-eu1 exists in several namespaces of the GitOps repo (team-risk, team-trading): name its namespace',
    );
    const outputs = await scale({ namespace: 'team-trading' });
    expect(outputs.files).toEqual([
      'clusters/team-trading/prod-eu1/clusterdeployment.yaml',
    ]);
    await expect(scale({ namespace: 'team-ops' })).rejects.toThrow(
      'cluster: cluster prod-eu1 does not exist in the GitOps repo (no clusters/team-ops/prod-eu1/clusterdeployment.yaml); the repo files it under namespace team-risk, team-trading',
    );
  });

  it("decommissions one without touching the other's VMs", async () => {
    const outputs = await runAction(
      day2,
      {
        cluster: 'prod-eu1',
        namespace: 'team-risk',
        operation: 'decommission',
      },
      ws.path,
    );
    expect(outputs.deleted).toEqual([
      'clusters/team-risk/prod-eu1/clusterdeployment.yaml',
      'vms/team-risk/prod-eu1/worker-team-risk.yaml',
    ]);
    expect(Object.keys(snapshot(ws.path)).sort()).toEqual([
      'clusters/team-trading/prod-eu1/clusterdeployment.yaml',
      'vms/team-trading/prod-eu1/worker-team-trading.yaml',
    ]);
  });
});

describe('VMs of same-named clusters filed under a third namespace', () => {
  it('refuses to decommission either, naming the VMs it cannot tell apart', async () => {
    for (const namespace of ['team-risk', 'team-trading'])
      await runAction(
        createClusterManifestAction(),
        { ...cluster, namespace },
        ws.path,
      );
    await runAction(createVmManifestAction(), vms, ws.path);
    const before = snapshot(ws.path);
    await expect(
      runAction(
        day2,
        {
          cluster: 'prod-eu1',
          namespace: 'team-risk',
          operation: 'decommission',
        },
        ws.path,
      ),
    ).rejects.toThrow(
      'cluster: namespaces team-risk, team-trading each hold a cluster prod-eu1, and the VMs under vms/fleet-vms/prod-eu1 name no namespace',
    );
    expect(snapshot(ws.path)).toEqual(before);
  });
});

describe('a repository an earlier Fleet Portal wrote', () => {
  beforeEach(async () => {
    await runAction(createClusterManifestAction(), cluster, ws.path);
    await runAction(createVmManifestAction(), vms, ws.path);
    // The earlier layout: clusters/<cluster>/ and vms/<cluster>/.
    const at = (path: string) => join(ws.path, path);
    renameSync(at('clusters/kcm-system/prod-eu1'), at('clusters/prod-eu1'));
    mkdirSync(at('vms/prod-eu1'));
    for (const file of Object.keys(snapshot(ws.path)).filter(p =>
      p.startsWith('vms/fleet-vms/prod-eu1/'),
    ))
      renameSync(at(file), at(`vms/prod-eu1/${file.split('/').pop()}`));
    rmSync(at('clusters/kcm-system'), { recursive: true });
    rmSync(at('vms/fleet-vms'), { recursive: true });
  });

  it('finds its cluster for a day-2 change, with or without the namespace', async () => {
    expect((await scale({})).files).toEqual([
      'clusters/prod-eu1/clusterdeployment.yaml',
    ]);
    expect(
      (await scale({ namespace: 'kcm-system', workersNumber: 9 })).files,
    ).toEqual(['clusters/prod-eu1/clusterdeployment.yaml']);
    await expect(scale({ namespace: 'team-risk' })).rejects.toThrow(
      'the repo files it under namespace kcm-system',
    );
  });

  it('decommissions an earlier cluster without touching a namespace folder of the same name', async () => {
    await runAction(
      createClusterManifestAction(),
      { ...cluster, namespace: 'prod-eu1', name: 'other' },
      ws.path,
    );
    const outputs = await runAction(
      day2,
      { cluster: 'prod-eu1', operation: 'decommission' },
      ws.path,
    );
    expect(outputs.deleted).toContain(
      'clusters/prod-eu1/clusterdeployment.yaml',
    );
    expect(Object.keys(snapshot(ws.path))).toEqual([
      'clusters/prod-eu1/other/clusterdeployment.yaml',
    ]);
  });

  it('refuses a new cluster it already holds, and decommissions it with its VMs', async () => {
    await expect(
      runAction(createClusterManifestAction(), cluster, ws.path),
    ).rejects.toThrow(
      'cluster prod-eu1 already exists in the GitOps repo (clusters/prod-eu1/clusterdeployment.yaml)',
    );
    const before = Object.keys(snapshot(ws.path)).sort();
    expect(before.filter(p => p.startsWith('vms/prod-eu1/')).length).toBe(
      before.length - 1,
    );
    const outputs = await runAction(
      day2,
      { cluster: 'prod-eu1', operation: 'decommission' },
      ws.path,
    );
    expect(outputs.deleted).toEqual(before);
    expect(snapshot(ws.path)).toEqual({});
  });
});
