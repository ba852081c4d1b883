import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  startFleetSimulator,
  type FleetSimulator,
} from '@internal/fleet-simulator';
import fleetPlugin from '@fleet-portal/plugin-fleet-backend';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  authKeepingActor,
  clustersOnceRead,
  createGitopsRepository,
  userInfoWithGroups,
} from './modules/__testUtils__/permissionTesting';
import { fleetExamplePolicyModule } from './modules/fleetExamplePolicy';
import { simulatorFleetConfig } from './__testUtils__/simulatorFleetConfig';

jest.setTimeout(60_000);

const GROUPS: Record<string, string[]> = {
  'user:default/alice': ['group:default/trading'],
  'user:default/pat': ['group:default/platform-team'],
};
const ALICE = mockCredentials.user.header('user:default/alice');
const PAT = mockCredentials.user.header('user:default/pat');
const MCP = '/api/mcp-actions/v1';

const FLEET_TOOLS = [
  'fleet-get-cluster-status',
  'fleet-get-request',
  'fleet-get-state-at',
  'fleet-list-clusters',
  'fleet-list-drift',
  'fleet-list-requests',
];

/** The JSON-RPC messages of a Streamable HTTP answer: JSON, or server-sent events. */
function messagesOf(res: request.Response): any[] {
  if (res.type === 'application/json') return [res.body].flat();
  return res.text
    .split(/\r?\n\r?\n/)
    .flatMap(event =>
      event
        .split(/\r?\n/)
        .filter(line => line.startsWith('data:'))
        .map(line => line.slice('data:'.length).trim()),
    )
    .filter(data => data !== '')
    .map(data => JSON.parse(data));
}

describe('the fleet as MCP tools', () => {
  let sim: FleetSimulator;
  let root: string;
  beforeAll(async () => {
    sim = await startFleetSimulator({ clusters: 6, tls: true });
    root = mkdtempSync(join(tmpdir(), 'fleet-mcp-'));
  });
  afterAll(async () => {
    await sim.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the fleet tools and answers through them with the permissions of the user', async () => {
    const repo = await createGitopsRepository(join(root, 'gitops'));
    const { server } = await startTestBackend({
      features: [
        fleetPlugin,
        permissionPlugin,
        fleetExamplePolicyModule,
        mcpActionsPlugin,
        authKeepingActor,
        // As in a real backend, a request without a token is anonymous (not a mock user).
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        userInfoWithGroups(GROUPS),
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['fleet'] } },
            mcpActions: { namespacedToolNames: false },
            permission: { enabled: true },
            fleet: {
              ...simulatorFleetConfig(sim),
              gitops: { localRepository: repo.dir, defaultBranch: 'main' },
            },
          },
        }),
      ],
    });

    const all = await clustersOnceRead(server, PAT, 6);
    expect(all).toHaveLength(6);
    const alices = all.filter(c => c.owner === 'group:default/trading');
    const theirs = all.find(c => c.owner !== 'group:default/trading')!;
    expect(alices).toHaveLength(2);

    /** What an MCP client sends with each request over Streamable HTTP. */
    const headers: Record<string, string> = {
      Accept: 'application/json, text/event-stream',
      'Content-Type': 'application/json',
    };
    const post = (authorization: string, message: object) =>
      request(server)
        .post(MCP)
        .set(headers)
        .set('Authorization', authorization)
        .send({ jsonrpc: '2.0', ...message });
    let nextId = 1;
    /** One JSON-RPC request and its response. */
    const rpc = async (
      authorization: string,
      method: string,
      params: object = {},
    ) => {
      const id = nextId++;
      const res = await post(authorization, { id, method, params });
      expect(res.status).toBe(200);
      const [message] = messagesOf(res);
      expect(message).toMatchObject({ jsonrpc: '2.0', id });
      expect(message.error).toBeUndefined();
      return message.result;
    };
    const call = async (
      authorization: string,
      name: string,
      args: object = {},
    ) => rpc(authorization, 'tools/call', { name, arguments: args });

    const init = await rpc(ALICE, 'initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'fleet-mcp-test', version: '1.0.0' },
    });
    expect(init).toMatchObject({
      protocolVersion: '2025-06-18',
      capabilities: { tools: {} },
      serverInfo: { name: 'backstage' },
    });
    headers['MCP-Protocol-Version'] = init.protocolVersion;
    const initialized = await post(ALICE, {
      method: 'notifications/initialized',
    });
    expect(initialized.status).toBe(202);

    const { tools } = await rpc(ALICE, 'tools/list');
    expect(
      tools
        .map((t: { name: string }) => t.name)
        .filter((n: string) => n.startsWith('fleet-'))
        .sort(),
    ).toEqual(FLEET_TOOLS);
    const listTool = tools.find((t: any) => t.name === 'fleet-list-clusters');
    expect(listTool).toMatchObject({
      description: expect.stringContaining('Example: input'),
      inputSchema: {
        type: 'object',
        properties: {
          drift: expect.any(Object),
          health: expect.any(Object),
          k0sVersion: expect.any(Object),
          image: expect.any(Object),
        },
      },
      annotations: { readOnlyHint: true, idempotentHint: true },
    });

    // Alice's list holds trading's clusters only, counted as such.
    const aliceList = await call(ALICE, 'fleet-list-clusters');
    expect(aliceList.isError).toBeFalsy();
    expect(aliceList.structuredContent.total).toBe(2);
    expect(
      aliceList.structuredContent.clusters
        .map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual(alices.map(c => c.id).sort());
    expect(JSON.parse(aliceList.content[0].text)).toEqual(
      aliceList.structuredContent,
    );
    const patList = await call(PAT, 'fleet-list-clusters', { limit: 200 });
    expect(patList.structuredContent.total).toBe(6);

    // A real answer about her cluster, and another group's as one not in the fleet.
    const mine = alices[0];
    const status = await call(ALICE, 'fleet-get-cluster-status', {
      id: mine.id,
    });
    expect(status.isError).toBeFalsy();
    expect(status.structuredContent).toMatchObject({
      id: mine.id,
      owner: 'group:default/trading',
      health: { state: mine.health.state },
      k0s: { desired: mine.k0s.desired },
      nodes: { total: mine.nodes.total },
    });
    const hidden = await call(ALICE, 'fleet-get-cluster-status', {
      id: theirs.id,
    });
    expect(hidden).toMatchObject({
      isError: true,
      content: [
        {
          type: 'text',
          text: `NotFoundError: cluster ${theirs.id} is not in the fleet`,
        },
      ],
    });
    const state = await call(ALICE, 'fleet-get-state-at', {
      id: mine.id,
      at: new Date().toISOString(),
    });
    expect(state.structuredContent).toMatchObject({ clusterId: mine.id });
    expect(state.structuredContent.nodes).toHaveLength(mine.nodes.total);
    const drift = await call(ALICE, 'fleet-list-drift');
    const readable = new Set(alices.map(c => c.id));
    expect(
      drift.structuredContent.findings.every((f: { clusterId: string }) =>
        readable.has(f.clusterId),
      ),
    ).toBe(true);

    // Without a token, no MCP at all.
    await request(server)
      .post(MCP)
      .set(headers)
      .send({ jsonrpc: '2.0', id: nextId, method: 'tools/list' })
      .expect(401);
  });
});
