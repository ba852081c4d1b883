import type {
  GitopsRequestItem,
  RequestState,
} from '@fleet-portal/plugin-fleet-common';
import { IMAGE_A, IMAGE_B } from '../__testUtils__/objects';
import {
  ALICE,
  BOB,
  PAT,
  startActionFleet,
  T1,
  T2,
} from '../__testUtils__/actionFleet';
import { parseWhen } from './getStateAt';

const EU = 'mgmt/team-trading/trading-eu';
const RISK = 'mgmt/team-risk/risk-batch';

function request(
  branch: string,
  cluster: string,
  requestedBy: string,
  state: RequestState,
  committedAt: string,
): GitopsRequestItem {
  const [, namespace, name] = cluster.split('/');
  return {
    id: `local:${branch}`,
    branch,
    commit: 'c'.repeat(40),
    title: `Upgrade k0s: ${name}`,
    requestedBy,
    template: 'template:default/k0s-upgrade',
    cluster: name,
    namespace,
    clusterId: cluster,
    files: [`clusters/${namespace}/${name}/clusterdeployment.yaml`],
    committedAt,
    merged: state !== 'opened',
    journey: {
      state,
      steps: [{ state: 'opened', at: committedAt, source: `branch ${branch}` }],
      waitingFor: state === 'opened' ? 'review' : undefined,
      checkedAt: committedAt,
    },
  };
}

describe('fleet history and request actions', () => {
  let fleet: Awaited<ReturnType<typeof startActionFleet>>;
  beforeAll(async () => {
    fleet = await startActionFleet();
    await fleet.requestStore.save([
      request('fleet/k0s-upgrade/eu', EU, 'user:default/bob', 'merged', T1),
      request('fleet/k0s-upgrade/risk', RISK, 'user:default/bob', 'opened', T2),
      request('fleet/scale/risk', RISK, 'user:default/alice', 'reconciled', T1),
    ]);
  });

  it('reads a bare date as the end of that day and a date-time as it is', () => {
    expect(parseWhen('2026-11-02')).toEqual({
      at: '2026-11-02T23:59:59.999Z',
      dayStart: '2026-11-02T00:00:00.000Z',
    });
    expect(parseWhen('2026-11-02T10:00:00+01:00')).toEqual({
      at: '2026-11-02T09:00:00.000Z',
    });
    expect(() => parseWhen('last tuesday')).toThrow(/not an ISO 8601/);
  });

  it('tells what ran on a cluster and on one node at a time, and what changed that day', async () => {
    const atT1 = await fleet.invoke(
      'fleet-get-state-at',
      { id: EU, at: T1 },
      ALICE,
    );
    expect(atT1).toMatchObject({
      clusterId: EU,
      at: T1,
      health: { value: 'ready (Succeeded)', since: T1 },
      nodes: [
        { name: 'eu-0', since: T1, image: { value: IMAGE_A, since: T1 } },
        { name: 'eu-1', since: T1, image: { value: IMAGE_A, since: T1 } },
      ],
    });
    expect(atT1.changes).toBeUndefined();
    expect(atT1.nodes[0].kubeletVersion).toEqual({
      value: 'v1.31.2+k0s',
      since: T1,
    });

    const day = await fleet.invoke(
      'fleet-get-state-at',
      { name: 'trading-eu', node: 'eu-0', at: '2026-11-02' },
      ALICE,
    );
    expect(day).toMatchObject({
      at: '2026-11-02T23:59:59.999Z',
      nodes: [
        { name: 'eu-0', since: T1, image: { value: IMAGE_B, since: T2 } },
      ],
      records: [],
      changes: [
        {
          kind: 'node-image',
          subject: 'eu-0',
          previous: IMAGE_A,
          value: IMAGE_B,
          observedAt: T2,
        },
      ],
    });
    const gone = await fleet.invoke(
      'fleet-get-state-at',
      { id: EU, node: 'eu-1', at: T2 },
      ALICE,
    );
    expect(gone.nodes).toEqual([]);
    expect(gone.note).toMatch(/node eu-1 was not in the cluster/);

    await expect(
      fleet.invoke('fleet-get-state-at', { id: EU, at: '2026-10-01' }, ALICE),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: `nothing is recorded for cluster ${EU} at or before 2026-10-01T23:59:59.999Z`,
    });
    await expect(
      fleet.invoke('fleet-get-state-at', { id: RISK, at: T2 }, ALICE),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: `cluster ${RISK} is not in the fleet`,
    });
    await expect(
      fleet.invoke('fleet-get-state-at', { id: EU, at: 'soon' }, ALICE),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('lists the requests about readable clusters and the caller’s own', async () => {
    const branches = async (input: object, who = ALICE) =>
      (
        await fleet.invoke('fleet-list-requests', input as any, who)
      ).requests.map((r: GitopsRequestItem) => r.branch);
    expect(await branches({}, PAT)).toEqual([
      'fleet/k0s-upgrade/risk',
      'fleet/k0s-upgrade/eu',
      'fleet/scale/risk',
    ]);
    // Alice reads trading's clusters, and filed the scale request about risk's.
    expect(await branches({})).toEqual([
      'fleet/k0s-upgrade/eu',
      'fleet/scale/risk',
    ]);
    expect(await branches({ cluster: 'risk-batch' })).toEqual([
      'fleet/scale/risk',
    ]);
    expect(await branches({ cluster: RISK }, BOB)).toEqual([
      'fleet/k0s-upgrade/risk',
      'fleet/scale/risk',
    ]);
    expect(await branches({ state: 'open' }, BOB)).toEqual([
      'fleet/k0s-upgrade/risk',
    ]);
    expect(await branches({ mine: true }, BOB)).toEqual([
      'fleet/k0s-upgrade/risk',
      'fleet/k0s-upgrade/eu',
    ]);
    const page = await fleet.invoke(
      'fleet-list-requests',
      { limit: 1, offset: 1 },
      PAT,
    );
    expect(page).toMatchObject({ mode: 'github', total: 3, returned: 1 });
  });

  it("gives a request's journey by id or branch, when the caller may see it", async () => {
    const byBranch = await fleet.invoke(
      'fleet-get-request',
      { branch: 'fleet/k0s-upgrade/eu' },
      ALICE,
    );
    expect(byBranch).toMatchObject({
      id: 'local:fleet/k0s-upgrade/eu',
      clusterId: EU,
      requestedBy: 'user:default/bob',
      merged: true,
      journey: {
        state: 'merged',
        steps: [
          { state: 'opened', at: T1, source: 'branch fleet/k0s-upgrade/eu' },
        ],
      },
    });
    expect(
      await fleet.invoke(
        'fleet-get-request',
        { id: 'local:fleet/k0s-upgrade/eu' },
        ALICE,
      ),
    ).toEqual(byBranch);
    await expect(
      fleet.invoke(
        'fleet-get-request',
        { branch: 'fleet/k0s-upgrade/risk' },
        ALICE,
      ),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'no request fleet/k0s-upgrade/risk was found',
    });
    await expect(
      fleet.invoke('fleet-get-request', {}, ALICE),
    ).rejects.toMatchObject({ name: 'InputError' });
  });
});
