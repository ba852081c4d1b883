import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  startFakeFleetHttp,
  type FakeFleetHttp,
} from '../__testUtils__/fakeFleetHttp';
import {
  exampleInput,
  readObjects,
  runAction,
  snapshot,
  tempWorkspace,
  TEMPLATE_REF,
  USER_REF,
} from '../__testUtils__/workspace';
import { upstreamErrors } from '../__testUtils__/sharedCrds';
import { createClusterDay2Action } from './clusterDay2';
import { clusterDay2Examples } from './clusterDay2.examples';
import { createClusterManifestAction } from './clusterManifest';
import { clusterManifestExamples } from './clusterManifest.examples';

const CD_PATH = 'clusters/kcm-system/prod-eu1/clusterdeployment.yaml';
const CURRENT = 'vsphere-standalone-cp-1-0-42';
const NEXT = 'vsphere-standalone-cp-1-0-43';
const upgradeInput = exampleInput(clusterDay2Examples[3]);

/** What the fake fleet backend answers: the cluster's offered upgrades and the new schema. */
interface FleetAnswers {
  availableUpgrades: string[];
  nextSchema?: Record<string, unknown>;
}

/** The fleet backend's cluster and schema routes, as the fleet plugin answers them. */
function fleetBackend(answers: FleetAnswers) {
  const schemaPath = `/api/fleet/management/mgmt/namespaces/kcm-system/cluster-templates/${NEXT}/schema`;
  return startFakeFleetHttp(url => {
    if (url === '/api/fleet/management')
      return { status: 200, body: { items: [{ id: 'mgmt' }] } };
    if (url === '/api/fleet/clusters/mgmt/kcm-system/prod-eu1') {
      return {
        status: 200,
        body: {
          id: 'mgmt/kcm-system/prod-eu1',
          template: CURRENT,
          k0s: { availableUpgrades: answers.availableUpgrades },
          k0sVersions: {
            running: [],
            availableUpgrades: { value: answers.availableUpgrades },
          },
        },
      };
    }
    if (url === schemaPath && answers.nextSchema) {
      return {
        status: 200,
        body: {
          management: 'mgmt',
          namespace: 'kcm-system',
          template: NEXT,
          source: `kcm-system/schema-ct-${NEXT}`,
          schema: answers.nextSchema,
        },
      };
    }
    return undefined;
  });
}

async function run(
  fleetUrl: string,
  input: Record<string, unknown>,
  workspacePath: string,
  isDryRun = false,
) {
  const action = createClusterDay2Action({
    fleet: {
      discovery: { getBaseUrl: async () => `${fleetUrl}/api/fleet` },
      auth: mockServices.auth(),
      timeoutMs: 2_000,
    },
  });
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath,
    templateInfo: { entityRef: TEMPLATE_REF } as any,
    user: { ref: USER_REF },
    isDryRun,
  });
  await action.handler(ctx as any);
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
}

describe('fleet:cluster:day2 upgrade-template', () => {
  let ws: ReturnType<typeof tempWorkspace>;
  const servers: FakeFleetHttp[] = [];
  const fleet = async (answers: FleetAnswers) => {
    const started = await fleetBackend(answers);
    servers.push(started);
    return started;
  };

  beforeEach(async () => {
    ws = tempWorkspace();
    await runAction(
      createClusterManifestAction(),
      exampleInput(clusterManifestExamples[0]),
      ws.path,
    );
  });
  afterEach(() => ws.cleanup());
  afterAll(() => Promise.all(servers.map(server => server.stop())));

  it.each([false, true])(
    'moves the cluster to an offered template, changing only that line (dry run: %s)',
    async isDryRun => {
      const { url, seen } = await fleet({ availableUpgrades: [NEXT] });
      const before = snapshot(ws.path)[CD_PATH];
      const outputs = await run(url, upgradeInput, ws.path, isDryRun);
      expect(outputs.files).toEqual([CD_PATH]);
      const after = snapshot(ws.path)[CD_PATH];
      const changed = before
        .split('\n')
        .filter((line, i) => line !== after.split('\n')[i]);
      expect(changed).toEqual([`  template: ${CURRENT}`]);
      expect(after).toContain(`  template: ${NEXT}`);
      expect(upstreamErrors(readObjects(ws.path, CD_PATH)[0])).toEqual([]);
      expect(outputs.checkedAgainst).toBe(
        `upgrade offered by ClusterDeployment kcm-system/prod-eu1 status.availableUpgrades on mgmt; spec.config checked against the bundled chart values schema: no live values schema for ClusterTemplate kcm-system/${NEXT}: HTTP 404: /api/fleet/management/mgmt/namespaces/kcm-system/cluster-templates/${NEXT}/schema is not here`,
      );
      expect(seen).toContain(
        '/api/fleet/clusters/mgmt/kcm-system/prod-eu1 with token',
      );
    },
  );

  it('refuses a template k0rdent does not offer, naming those it does, and writes nothing', async () => {
    const { url } = await fleet({
      availableUpgrades: ['vsphere-standalone-cp-1-0-44'],
    });
    const before = snapshot(ws.path);
    await expect(run(url, upgradeInput, ws.path)).rejects.toThrow(
      `template: ${NEXT} is not an upgrade k0rdent offers for cluster prod-eu1 (ClusterDeployment kcm-system/prod-eu1 status.availableUpgrades on mgmt: vsphere-standalone-cp-1-0-44)`,
    );
    expect(snapshot(ws.path)).toEqual(before);
  });

  it("refuses a config the new template's live schema rejects, naming the field", async () => {
    const { url } = await fleet({
      availableUpgrades: [NEXT],
      nextSchema: {
        type: 'object',
        properties: { workersNumber: { type: 'integer', minimum: 3 } },
      },
    });
    const before = snapshot(ws.path);
    await expect(run(url, upgradeInput, ws.path)).rejects.toThrow(
      `the live values schema of ClusterTemplate kcm-system/${NEXT} on mgmt (ConfigMap kcm-system/schema-ct-${NEXT}) rejects config: config.workersNumber: must be >= 3`,
    );
    expect(snapshot(ws.path)).toEqual(before);
  });

  it('refuses when the fleet cannot say what k0rdent offers, and says what to do', async () => {
    const { url, stop } = await fleetBackend({ availableUpgrades: [NEXT] });
    await stop();
    const before = snapshot(ws.path);
    await expect(run(url, upgradeInput, ws.path)).rejects.toThrow(
      new RegExp(
        `^template: cannot check that ${NEXT} is an upgrade k0rdent offers for cluster prod-eu1: the fleet backend could not be reached .*; try again once the fleet backend answers$`,
      ),
    );
    await expect(
      createClusterDay2Action().handler(
        createMockActionContext({
          input: upgradeInput as any,
          workspacePath: ws.path,
        }) as any,
      ),
    ).rejects.toThrow(
      'the action was created without access to the fleet backend',
    );
    expect(snapshot(ws.path)).toEqual(before);
  });

  it('refuses the template the cluster already uses, and a cluster the fleet does not hold', async () => {
    const { url } = await fleet({ availableUpgrades: [NEXT] });
    await expect(
      run(url, { ...upgradeInput, template: CURRENT }, ws.path),
    ).rejects.toThrow(
      `template: cluster prod-eu1 already uses ClusterTemplate ${CURRENT} in Git`,
    );
    await expect(
      run(url, { ...upgradeInput, management: 'other' }, ws.path),
    ).rejects.toThrow(
      /cannot check that .* HTTP 404: \/api\/fleet\/clusters\/other\/kcm-system\/prod-eu1 is not here/,
    );
  });
});
