/* eslint-disable jest/no-conditional-expect -- examples and generated inputs decide which optional fields exist */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  exampleInput,
  readObjects,
  runAction,
  snapshot,
  tempWorkspace,
} from '../__testUtils__/workspace';
import { upstreamErrors } from '../__testUtils__/sharedCrds';
import { createClusterDay2Action } from './clusterDay2';
import { clusterDay2Examples } from './clusterDay2.examples';
import { createClusterManifestAction } from './clusterManifest';
import { clusterManifestExamples } from './clusterManifest.examples';
import { createVmManifestAction } from './vmManifest';
import { vmManifestExamples } from './vmManifest.examples';

const action = createClusterDay2Action();
const CD_PATH = 'clusters/kcm-system/prod-eu1/clusterdeployment.yaml';
let ws: ReturnType<typeof tempWorkspace>;

beforeEach(async () => {
  ws = tempWorkspace();
  await runAction(
    createClusterManifestAction(),
    exampleInput(clusterManifestExamples[0]),
    ws.path,
  );
  await runAction(
    createClusterManifestAction(),
    exampleInput(clusterManifestExamples[1]),
    ws.path,
  );
  await runAction(
    createVmManifestAction(),
    exampleInput(vmManifestExamples[0]),
    ws.path,
  );
});
afterEach(() => ws.cleanup());

/** Lines that differ between two texts of equal line count. */
function changedLines(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) =>
    line === b[i] ? [] : [[line, b[i]] as [string, string]],
  );
}

describe('fleet:cluster:day2', () => {
  it('documents examples', () => {
    expect(action.examples).toBe(clusterDay2Examples);
  });

  it('runs example: upgrade-k0s changes only the version line', async () => {
    const before = snapshot(ws.path);
    const outputs = await runAction(
      action,
      exampleInput(clusterDay2Examples[0]),
      ws.path,
    );
    expect(outputs.files).toEqual([CD_PATH]);
    const after = snapshot(ws.path);
    expect(changedLines(before[CD_PATH], after[CD_PATH])).toEqual([
      ['      version: v1.31.2+k0s.0', '      version: v1.32.1+k0s.0'],
    ]);
    expect({ ...after, [CD_PATH]: before[CD_PATH] }).toEqual(before);
    expect(upstreamErrors(readObjects(ws.path, CD_PATH)[0])).toEqual([]);
  });

  it('runs example: scale changes only the two count lines', async () => {
    const before = snapshot(ws.path);
    const outputs = await runAction(
      action,
      exampleInput(clusterDay2Examples[1]),
      ws.path,
    );
    expect(outputs.files).toEqual([CD_PATH]);
    expect(changedLines(before[CD_PATH], snapshot(ws.path)[CD_PATH])).toEqual([
      ['    controlPlaneNumber: 3', '    controlPlaneNumber: 5'],
      ['    workersNumber: 2', '    workersNumber: 5'],
    ]);
  });

  it('runs example: decommission removes the cluster and VM folders and nothing else', async () => {
    const before = snapshot(ws.path);
    const outputs = await runAction(
      action,
      exampleInput(clusterDay2Examples[2]),
      ws.path,
    );
    const removed = Object.keys(before).filter(
      p =>
        p.startsWith('clusters/kcm-system/prod-eu1/') ||
        p.startsWith('vms/fleet-vms/prod-eu1/'),
    );
    expect(removed.length).toBeGreaterThan(1);
    expect(outputs.deleted).toEqual(removed.sort());
    expect(outputs.files).toEqual(removed.sort());
    const after = snapshot(ws.path);
    const kept = Object.fromEntries(
      Object.entries(before).filter(([p]) => !removed.includes(p)),
    );
    expect(Object.keys(kept)).toContain(
      'clusters/kcm-system/lab-os1/clusterdeployment.yaml',
    );
    expect(after).toEqual(kept);
  });

  it('keeps comments, quoting and order of a hand-edited file', async () => {
    const handWritten = [
      '# prod cluster, owned by the platform team',
      'apiVersion: k0rdent.mirantis.com/v1beta1',
      'kind: ClusterDeployment',
      'metadata:',
      '  name: prod-eu1',
      '  namespace: kcm-system',
      'spec:',
      '  template: vsphere-standalone-cp-1-0-42',
      '  credential: vsphere-prod-credential',
      '  config:',
      '    workersNumber: 2   # bumped during the sale',
      '    controlPlaneNumber: 3',
      '    k0s: { version: "v1.31.2+k0s.0" }',
      '    vsphere: {server: vcenter.example.com}',
      '',
    ].join('\n');
    writeFileSync(join(ws.path, CD_PATH), handWritten);
    await runAction(
      action,
      {
        cluster: 'prod-eu1',
        operation: 'upgrade-k0s',
        k0sVersion: 'v1.31.3+k0s.0',
      },
      ws.path,
    );
    await runAction(
      action,
      { cluster: 'prod-eu1', operation: 'scale', workersNumber: 4 },
      ws.path,
    );
    expect(changedLines(handWritten, snapshot(ws.path)[CD_PATH])).toEqual([
      [
        '    workersNumber: 2   # bumped during the sale',
        '    workersNumber: 4   # bumped during the sale',
      ],
      [
        '    k0s: { version: "v1.31.2+k0s.0" }',
        '    k0s: { version: "v1.31.3+k0s.0" }',
      ],
    ]);
  });

  it.each([
    [
      'v1.30.9+k0s.0',
      /^k0sVersion: v1.30.9\+k0s.0 is older than the current v1.31.2\+k0s.0: downgrades are not supported/,
    ],
    ['v1.33.0+k0s.0', /^k0sVersion: .* skips minor version 1.32/],
    ['v1.31.2+k0s.0', /^k0sVersion: the cluster already runs/],
    ['1.32.0', /^k0sVersion: must be an exact k0s version/],
  ])('rejects upgrade to %s', async (version, message) => {
    const before = snapshot(ws.path);
    await expect(
      runAction(
        action,
        { cluster: 'prod-eu1', operation: 'upgrade-k0s', k0sVersion: version },
        ws.path,
      ),
    ).rejects.toThrow(message);
    expect(snapshot(ws.path)).toEqual(before);
  });

  it('rejects bad scale requests and unknown clusters', async () => {
    await expect(
      runAction(
        action,
        { cluster: 'prod-eu1', operation: 'scale', controlPlaneNumber: 4 },
        ws.path,
      ),
    ).rejects.toThrow('controlPlaneNumber: must be odd');
    await expect(
      runAction(
        action,
        { cluster: 'prod-eu1', operation: 'scale', workersNumber: -1 },
        ws.path,
      ),
    ).rejects.toThrow('workersNumber: must be an integer between 0 and 500');
    await expect(
      runAction(action, { cluster: 'prod-eu1', operation: 'scale' }, ws.path),
    ).rejects.toThrow(/^workersNumber: scale needs/);
    await expect(
      runAction(
        action,
        { cluster: 'nope', operation: 'decommission' },
        ws.path,
      ),
    ).rejects.toThrow(
      'cluster: cluster nope does not exist in the GitOps repo',
    );
    await expect(
      runAction(
        action,
        {
          cluster: 'prod-eu1',
          operation: 'scale',
          workersNumber: 3,
          k0sVersion: 'v1.32.1+k0s.0',
        },
        ws.path,
      ),
    ).rejects.toThrow(/^k0sVersion: is not a known input/);
  });

  it('adds a missing count key through the Document API', async () => {
    mkdirSync(join(ws.path, 'clusters/kcm-system/prod-eu1'), {
      recursive: true,
    });
    const text = snapshot(ws.path)[CD_PATH].replace(
      '    workersNumber: 2\n',
      '',
    );
    writeFileSync(join(ws.path, CD_PATH), text);
    await runAction(
      action,
      { cluster: 'prod-eu1', operation: 'scale', workersNumber: 1 },
      ws.path,
    );
    expect(
      (readObjects(ws.path, CD_PATH)[0].spec as any).config.workersNumber,
    ).toBe(1);
  });
});
