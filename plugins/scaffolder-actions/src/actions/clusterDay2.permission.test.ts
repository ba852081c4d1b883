import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClusterRequestAccess } from '../fleet/requestPermission';
import {
  exampleInput,
  runAction,
  snapshot,
  tempWorkspace,
  TEMPLATE_REF,
  USER_REF,
} from '../__testUtils__/workspace';
import { createClusterDay2Action } from './clusterDay2';
import { createClusterManifestAction } from './clusterManifest';
import { clusterManifestExamples } from './clusterManifest.examples';
import { createVmManifestAction } from './vmManifest';
import { vmManifestExamples } from './vmManifest.examples';

const PROD = 'mgmt/kcm-system/prod-eu1';
const REFUSED = `permission fleet.cluster.request is required to change cluster ${PROD}; nothing was written`;
const CD_PATH = 'clusters/kcm-system/prod-eu1/clusterdeployment.yaml';
const servers: Server[] = [];
let ws: ReturnType<typeof tempWorkspace>;

/** A permission service answering `result` to everything, recording what it was asked. */
function fakePermissions(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const asked: Array<{
    permission: string;
    resourceRef?: string;
    credentials: BackstageCredentials;
  }> = [];
  const permissions: ClusterRequestAccess['permissions'] = {
    authorize: async (requests, options) => {
      for (const request of requests)
        asked.push({
          permission: request.permission.name,
          resourceRef: (request as { resourceRef?: string }).resourceRef,
          credentials: options.credentials,
        });
      return requests.map(() => ({ result }));
    },
  };
  return { permissions, asked };
}

/** The fleet backend's routes the check asks: its management clusters and its cluster list. */
async function fleetBackend(answers: {
  management: string[];
  clusters?: Array<{ management: string; namespace: string; name: string }>;
}) {
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/api/fleet/management')
      return send(200, { items: answers.management.map(id => ({ id })) });
    if (req.url === '/api/fleet/clusters')
      return send(200, {
        items: (answers.clusters ?? []).map(ref => ({ ref })),
        sources: [],
      });
    return send(404, { error: { name: 'NotFoundError', message: 'no' } });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    discovery: { getBaseUrl: async () => `${url}/api/fleet` },
    auth: mockServices.auth(),
    timeoutMs: 2_000,
  };
}
afterAll(() =>
  Promise.all(
    servers.map(
      server =>
        new Promise(resolve => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  ),
);

async function run(
  action: TemplateAction<any, any, any>,
  input: Record<string, unknown>,
  isDryRun = false,
) {
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath: ws.path,
    templateInfo: { entityRef: TEMPLATE_REF } as any,
    user: { ref: USER_REF },
    isDryRun,
  });
  await action.handler(ctx as any);
  return {
    ctx,
    outputs: Object.fromEntries((ctx.output as jest.Mock).mock.calls),
  };
}

const DAY2_INPUTS: Record<string, Record<string, unknown>> = {
  'upgrade-k0s': { operation: 'upgrade-k0s', k0sVersion: 'v1.32.1+k0s.0' },
  'upgrade-template': {
    operation: 'upgrade-template',
    template: 'vsphere-standalone-cp-1-0-43',
  },
  scale: { operation: 'scale', workersNumber: 5 },
  decommission: { operation: 'decommission' },
};
const { count: _pool, ...oneVm } = exampleInput(vmManifestExamples[0]);

beforeEach(async () => {
  ws = tempWorkspace();
  await runAction(
    createClusterManifestAction(),
    exampleInput(clusterManifestExamples[0]),
    ws.path,
  );
  await runAction(createVmManifestAction(), oneVm, ws.path);
});
afterEach(() => ws.cleanup());

describe('fleet:cluster:day2 asks for fleet.cluster.request', () => {
  it.each(
    Object.keys(DAY2_INPUTS).flatMap(op => [
      [op, false],
      [op, true],
    ]),
  )(
    'refuses %s (dry run: %s) before anything is written when the policy denies',
    async (operation, isDryRun) => {
      const { permissions, asked } = fakePermissions(AuthorizeResult.DENY);
      const fleet = await fleetBackend({ management: ['mgmt'] });
      const action = createClusterDay2Action({ permissions, fleet });
      const before = snapshot(ws.path);
      const refusal = run(
        action,
        { cluster: 'prod-eu1', ...DAY2_INPUTS[operation as string] },
        isDryRun as boolean,
      );
      await expect(refusal).rejects.toThrow(REFUSED);
      await expect(refusal).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(snapshot(ws.path)).toEqual(before);
      expect(asked.map(a => [a.permission, a.resourceRef])).toEqual([
        ['fleet.cluster.request', PROD],
      ]);
    },
  );

  it('goes on when the policy allows, asking about the cluster as the initiator', async () => {
    const { permissions, asked } = fakePermissions(AuthorizeResult.ALLOW);
    const action = createClusterDay2Action({ permissions });
    const before = snapshot(ws.path)[CD_PATH];
    const { ctx, outputs } = await run(action, {
      cluster: 'prod-eu1',
      management: 'mgmt',
      ...DAY2_INPUTS['upgrade-k0s'],
    });
    expect(outputs.files).toEqual([CD_PATH]);
    expect(snapshot(ws.path)[CD_PATH]).not.toEqual(before);
    expect(asked).toEqual([
      {
        permission: 'fleet.cluster.request',
        resourceRef: PROD,
        credentials: await ctx.getInitiatorCredentials(),
      },
    ]);
  });

  it('names the cluster by the namespace the checkout files it under and the fleet’s management cluster', async () => {
    await runAction(
      createClusterManifestAction(),
      { ...exampleInput(clusterManifestExamples[1]), namespace: 'team-risk' },
      ws.path,
    );
    const { permissions, asked } = fakePermissions(AuthorizeResult.ALLOW);
    const fleet = await fleetBackend({ management: ['eu-mgmt'] });
    const action = createClusterDay2Action({ permissions, fleet });
    await run(action, { cluster: 'lab-os1', operation: 'decommission' });
    expect(asked.map(a => a.resourceRef)).toEqual([
      'eu-mgmt/team-risk/lab-os1',
    ]);
  });

  it('refuses, writing nothing, when it cannot tell the management cluster', async () => {
    const { permissions, asked } = fakePermissions(AuthorizeResult.ALLOW);
    const fleet = await fleetBackend({ management: ['eu', 'us'] });
    const before = snapshot(ws.path);
    await expect(
      run(createClusterDay2Action({ permissions, fleet }), {
        cluster: 'prod-eu1',
        ...DAY2_INPUTS.scale,
      }),
    ).rejects.toThrow(
      'cannot check permission fleet.cluster.request on cluster kcm-system/prod-eu1: the fleet has 2 management clusters (eu, us); name one with the input "management"',
    );
    await expect(
      run(createClusterDay2Action({ permissions }), {
        cluster: 'prod-eu1',
        ...DAY2_INPUTS.scale,
      }),
    ).rejects.toThrow(
      'cannot check permission fleet.cluster.request on cluster kcm-system/prod-eu1: no management cluster named and the action was created without access to the fleet backend',
    );
    expect(asked).toEqual([]);
    expect(snapshot(ws.path)).toEqual(before);
  });

  it('checks nothing when created without the permission service', async () => {
    const { outputs } = await run(createClusterDay2Action(), {
      cluster: 'prod-eu1',
      ...DAY2_INPUTS.scale,
    });
    expect(outputs.files).toEqual([CD_PATH]);
  });
});

describe('fleet:vm:manifest asks for fleet.cluster.request on the cluster the VMs join', () => {
  const moreVms = { ...oneVm, name: 'prod-eu1-extra' };

  it('refuses, writing nothing, when the policy denies', async () => {
    const { permissions, asked } = fakePermissions(AuthorizeResult.DENY);
    const before = snapshot(ws.path);
    const fleet = await fleetBackend({ management: ['mgmt'] });
    await expect(
      run(createVmManifestAction({ permissions, fleet }), moreVms),
    ).rejects.toThrow(REFUSED);
    expect(snapshot(ws.path)).toEqual(before);
    // The cluster's namespace is the ClusterDeployment's, not the VMs' (fleet-vms).
    expect(asked.map(a => a.resourceRef)).toEqual([PROD]);
  });

  it('writes the VMs when the policy allows', async () => {
    const { permissions } = fakePermissions(AuthorizeResult.ALLOW);
    const fleet = await fleetBackend({ management: ['mgmt'] });
    const { outputs } = await run(
      createVmManifestAction({ permissions, fleet }),
      moreVms,
    );
    expect(outputs.files).toEqual([
      'vms/fleet-vms/prod-eu1/prod-eu1-extra.yaml',
    ]);
  });

  it('asks the fleet for a cluster the GitOps repo does not file, and refuses one it does not know', async () => {
    const { permissions, asked } = fakePermissions(AuthorizeResult.ALLOW);
    const fleet = await fleetBackend({
      management: ['mgmt'],
      clusters: [
        { management: 'mgmt', namespace: 'team-risk', name: 'brown-1' },
        { management: 'mgmt', namespace: 'team-risk', name: 'other' },
      ],
    });
    const action = createVmManifestAction({ permissions, fleet });
    await run(action, { ...moreVms, cluster: 'brown-1' });
    expect(asked.map(a => a.resourceRef)).toEqual(['mgmt/team-risk/brown-1']);
    const before = snapshot(ws.path);
    await expect(
      run(action, { ...moreVms, cluster: 'nowhere' }),
    ).rejects.toThrow(
      'cluster: cluster nowhere is not in the GitOps repo (no clusters/<namespace>/nowhere/clusterdeployment.yaml) and the fleet shows no cluster of that name, so permission fleet.cluster.request on it cannot be checked',
    );
    expect(snapshot(ws.path)).toEqual(before);
  });
});
