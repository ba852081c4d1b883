import { DIGEST_B, IMAGE_A, IMAGE_B } from '../__testUtils__/objects';
import {
  ALICE,
  BOB,
  DAN,
  PAT,
  startActionFleet,
} from '../__testUtils__/actionFleet';

const EU = 'mgmt/team-trading/trading-eu';
const US = 'mgmt/team-trading/trading-us';
const RISK = 'mgmt/team-risk/risk-batch';

describe('fleet cluster actions', () => {
  let fleet: Awaited<ReturnType<typeof startActionFleet>>;
  beforeAll(async () => {
    fleet = await startActionFleet();
  });
  const ids = (output: { clusters: Array<{ id: string }> }) =>
    output.clusters.map(c => c.id);

  it('registers read-only, idempotent actions with a worked example each', async () => {
    const { actions } = await fleet.registry.list();
    expect(actions.map(a => a.name).sort()).toEqual([
      'fleet-get-cluster-status',
      'fleet-get-request',
      'fleet-get-state-at',
      'fleet-list-clusters',
      'fleet-list-drift',
      'fleet-list-requests',
    ]);
    for (const action of actions) {
      expect(action.attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
      expect(action.description).toMatch(/Example: input \{/);
      expect(action.schema.input).toMatchObject({ type: 'object' });
      expect(action.examples?.length).toBeGreaterThan(0);
    }
    const list = actions.find(a => a.name === 'fleet-list-clusters')!;
    expect(Object.keys((list.schema.input as any).properties)).toEqual(
      expect.arrayContaining(['drift', 'health', 'k0sVersion', 'image']),
    );
  });

  it("lists only the caller's clusters, with counts over every match", async () => {
    const alice = await fleet.invoke('fleet-list-clusters', {}, ALICE);
    expect(ids(alice)).toEqual([EU, US]);
    expect(alice).toMatchObject({
      total: 2,
      offset: 0,
      returned: 2,
      counts: {
        byHealth: { ready: 2, 'not-ready': 0 },
        withDrift: 1,
        stale: 0,
      },
    });
    expect(ids(await fleet.invoke('fleet-list-clusters', {}, BOB))).toEqual([
      RISK,
    ]);
    expect(ids(await fleet.invoke('fleet-list-clusters', {}, PAT))).toEqual([
      RISK,
      EU,
      US,
    ]);
    // One policy decision per call, with the caller's credentials.
    expect(fleet.authorizeConditional).toHaveBeenLastCalledWith(
      [{ permission: expect.objectContaining({ name: 'fleet.cluster.read' }) }],
      { credentials: PAT },
    );
    const us = alice.clusters[1];
    expect(us).toMatchObject({
      id: US,
      management: 'mgmt',
      namespace: 'team-trading',
      name: 'trading-us',
      owner: 'trading',
      health: { state: 'ready' },
      k0s: { desired: 'v1.32.1+k0s.0', running: ['v1.31.2+k0s'] },
      desiredImage: IMAGE_B,
      images: [{ reference: IMAGE_A, nodes: 1 }],
      nodes: { total: 1, ready: 1 },
      drift: expect.arrayContaining(['node-image', 'k0s-version']),
    });
  });

  it('filters by drift, health, k0s version, image, owner and management, and pages', async () => {
    const list = async (input: object, who = PAT) =>
      ids(await fleet.invoke('fleet-list-clusters', input as any, who));
    expect(await list({ drift: 'node-image' })).toEqual([US]);
    expect(await list({ drift: 'none' })).toEqual([EU]);
    expect(await list({ drift: 'cluster-not-ready' })).toEqual([RISK]);
    expect(await list({ drift: 'any' })).toEqual([RISK, US]);
    expect(await list({ drift: 'cluster-not-ready' }, ALICE)).toEqual([]);
    expect(await list({ health: 'not-ready' })).toEqual([RISK]);
    expect(await list({ k0sVersion: 'v1.32' })).toEqual([US]);
    expect(await list({ k0sVersion: '1.31.2+k0s.0' })).toEqual([RISK, EU, US]);
    expect(await list({ k0sVersion: 'v1.3' })).toEqual([]);
    expect(await list({ image: DIGEST_B })).toEqual([RISK, EU, US]);
    expect(await list({ image: DIGEST_B }, ALICE)).toEqual([EU, US]);
    expect(await list({ image: IMAGE_A })).toEqual([US]);
    expect(await list({ image: 'kairos/rhel9-k0s' }, BOB)).toEqual([RISK]);
    expect(await list({ owner: 'group:default/Trading' })).toEqual([EU, US]);
    expect(await list({ management: 'other' })).toEqual([]);
    expect(await list({ namespace: 'team-risk', health: 'ready' })).toEqual([]);
    const page = await fleet.invoke(
      'fleet-list-clusters',
      { limit: 1, offset: 1 },
      PAT,
    );
    expect(page).toMatchObject({ total: 3, offset: 1, returned: 1 });
    expect(ids(page)).toEqual([EU]);
    await expect(
      fleet.invoke('fleet-list-clusters', { health: 'sick' }, PAT),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it("gives a cluster's status by id or name, and another group's cluster as not in the fleet", async () => {
    const byId = await fleet.invoke(
      'fleet-get-cluster-status',
      { id: US },
      ALICE,
    );
    const byName = await fleet.invoke(
      'fleet-get-cluster-status',
      { name: 'trading-us' },
      ALICE,
    );
    expect(byName).toEqual(byId);
    expect(byId).toMatchObject({
      id: US,
      health: { state: 'ready' },
      k0s: {
        desired: 'v1.32.1+k0s.0',
        running: [{ version: 'v1.31.2+k0s', nodes: ['us-0'] }],
      },
      images: {
        desired: IMAGE_B,
        running: [{ reference: IMAGE_A, nodes: ['us-0'] }],
      },
      nodes: { total: 1, ready: 1, notReady: [] },
      read: { stale: false },
    });
    expect(byId.drift).toEqual(
      expect.arrayContaining([
        {
          type: 'node-image',
          node: 'us-0',
          summary: `node us-0 runs ${IMAGE_A}; ${IMAGE_B} is desired`,
          details: { node: 'us-0', desired: IMAGE_B, actual: IMAGE_A },
        },
        expect.objectContaining({
          type: 'k0s-version',
          summary: 'k0s v1.31.2+k0s runs on us-0; v1.32.1+k0s.0 is desired',
        }),
      ]),
    );

    // Bob's cluster answers exactly as one that does not exist.
    for (const [input, message] of [
      [{ id: RISK }, `cluster ${RISK} is not in the fleet`],
      [
        { id: 'mgmt/team-risk/nope' },
        'cluster mgmt/team-risk/nope is not in the fleet',
      ],
      [{ name: 'risk-batch' }, 'no cluster named risk-batch is in the fleet'],
      [{ name: 'nope' }, 'no cluster named nope is in the fleet'],
    ] as const) {
      await expect(
        fleet.invoke('fleet-get-cluster-status', input, ALICE),
      ).rejects.toMatchObject({ name: 'NotFoundError', message });
    }
    expect(
      await fleet.invoke('fleet-get-cluster-status', { id: RISK }, PAT),
    ).toMatchObject({
      health: { state: 'not-ready' },
      drift: [expect.objectContaining({ type: 'cluster-not-ready' })],
    });
    await expect(
      fleet.invoke('fleet-get-cluster-status', {}, PAT),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      fleet.invoke('fleet-get-cluster-status', { id: 'trading-us' }, PAT),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('lists drift findings across the readable clusters, by cluster and type', async () => {
    const alice = await fleet.invoke('fleet-list-drift', {}, ALICE);
    expect(new Set(alice.findings.map((f: any) => f.clusterId))).toEqual(
      new Set([US]),
    );
    expect(alice.byType['cluster-not-ready']).toBeUndefined();
    const pat = await fleet.invoke('fleet-list-drift', {}, PAT);
    expect(pat.total).toBe(alice.total + 1);
    expect(pat.clusters).toBe(2);
    expect(pat.byType['cluster-not-ready']).toBe(1);
    const images = await fleet.invoke(
      'fleet-list-drift',
      { types: ['node-image'] },
      PAT,
    );
    expect(images.findings.map((f: any) => [f.clusterId, f.node])).toEqual([
      [US, 'us-0'],
    ]);
    expect(
      (
        await fleet.invoke('fleet-list-drift', { id: US }, ALICE)
      ).findings.every((f: any) => f.clusterId === US),
    ).toBe(true);
    await expect(
      fleet.invoke('fleet-list-drift', { id: RISK }, ALICE),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('refuses a plain DENY on every action', async () => {
    for (const [name, input] of [
      ['fleet-list-clusters', {}],
      ['fleet-get-cluster-status', { id: EU }],
      ['fleet-list-drift', {}],
      ['fleet-get-state-at', { id: EU, at: '2026-11-01' }],
      ['fleet-list-requests', {}],
      ['fleet-get-request', { branch: 'x' }],
    ] as const) {
      await expect(fleet.invoke(name, input, DAN)).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: 'permission fleet.cluster.read is required',
      });
    }
  });
});
