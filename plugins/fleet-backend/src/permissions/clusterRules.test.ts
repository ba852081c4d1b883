import type { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  type PermissionCriteria,
  type PermissionCondition,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { fleetClusterReadPermission } from '@fleet-portal/plugin-fleet-common';
import {
  ClusterReadAccess,
  permitsCluster,
  permittedClusters,
} from './ClusterReadAccess';
import type { FleetClusterResource } from './clusterResource';
import {
  builtInClusterRuleset,
  createFleetClusterConditionalDecision,
  fleetClusterConditions as is,
  fleetClusterPermissionRules,
} from './clusterRules';

const cluster = (
  name: string,
  overrides: Partial<FleetClusterResource> = {},
): FleetClusterResource => ({
  ref: { management: 'mgmt', namespace: 'team-a', name },
  owner: 'group:default/trading',
  labels: { environment: 'prod' },
  demo: false,
  ...overrides,
});

const trading = cluster('trading-eu');
const risk = cluster('risk-batch', {
  owner: 'Risk',
  labels: { environment: 'dev', tier: '' },
  ref: { management: 'other', namespace: 'team-risk', name: 'risk-batch' },
});
const demo = cluster('demo-1', { owner: undefined, demo: true, labels: {} });
const all = [trading, risk, demo];

function accessDeciding(decision: PolicyDecision) {
  const permissions = {
    authorizeConditional: jest.fn(async () => [decision]),
    authorize: jest.fn(),
  };
  return {
    access: new ClusterReadAccess(
      permissions as unknown as PermissionsService,
      builtInClusterRuleset,
    ),
    permissions,
  };
}

async function readable(
  conditions: PermissionCriteria<PermissionCondition<'fleet-cluster'>>,
) {
  const { access } = accessDeciding(
    createFleetClusterConditionalDecision(
      fleetClusterReadPermission,
      conditions,
    ),
  );
  const scope = await access.scopeFor(mockCredentials.user());
  return permittedClusters(scope, all).map(c => c.ref.name);
}

describe('fleet-cluster permission rules', () => {
  it('filter lists the way they judge one cluster', () => {
    const { isOwnedBy, hasLabel, inManagementCluster, isDemo } =
      fleetClusterPermissionRules;
    const cases = [
      [isOwnedBy, { claims: ['group:default/risk'] }],
      [hasLabel, { key: 'environment', value: 'prod' }],
      [hasLabel, { key: 'tier' }],
      [inManagementCluster, { id: 'other' }],
      [isDemo, { value: true }],
    ] as const;
    for (const [rule, params] of cases) {
      const applied = all.filter(c => rule.apply(c, params as any));
      const queried = all.filter(c =>
        permitsCluster(
          { all: false, key: '', filter: rule.toQuery(params as any) },
          c,
        ),
      );
      expect(queried).toEqual(applied);
      expect(applied.length).toBeGreaterThan(0);
    }
  });

  it('compare owners as the catalog spells entity refs, whatever the case or shorthand', async () => {
    expect(
      await readable(is.isOwnedBy({ claims: ['group:default/RISK'] })),
    ).toEqual(['risk-batch']);
    expect(await readable(is.isOwnedBy({ claims: ['trading'] }))).toEqual([
      'trading-eu',
    ]);
    // A cluster with no owner belongs to no one's groups.
    expect(await readable(is.isOwnedBy({ claims: [] }))).toEqual([]);
  });

  it('combine as allOf, anyOf and not', async () => {
    expect(
      await readable({
        anyOf: [
          is.isOwnedBy({ claims: ['group:default/trading'] }),
          is.isDemo({ value: true }),
        ],
      }),
    ).toEqual(['trading-eu', 'demo-1']);
    expect(
      await readable({
        allOf: [
          is.hasLabel({ key: 'environment' }),
          { not: is.inManagementCluster({ id: 'mgmt' }) },
        ],
      }),
    ).toEqual(['risk-batch']);
    expect(
      await readable(is.hasLabel({ key: 'environment', value: 'staging' })),
    ).toEqual([]);
  });
});

describe('ClusterReadAccess', () => {
  it('asks once for fleet.cluster.read without a resource: ALLOW covers every cluster', async () => {
    const { access, permissions } = accessDeciding({
      result: AuthorizeResult.ALLOW,
    });
    const credentials = mockCredentials.user('user:default/jane');
    const scope = await access.scopeFor(credentials);
    expect(scope).toEqual({ all: true });
    expect(permittedClusters(scope, all)).toBe(all);
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      [{ permission: fleetClusterReadPermission }],
      { credentials },
    );
  });

  it('refuses a plain DENY with NotAllowedError', async () => {
    const { access } = accessDeciding({ result: AuthorizeResult.DENY });
    await expect(access.scopeFor(mockCredentials.user())).rejects.toMatchObject(
      {
        name: 'NotAllowedError',
        message: 'permission fleet.cluster.read is required',
      },
    );
  });

  it('keys a conditional scope by its conditions only', async () => {
    const scopeOf = async (claims: string[]) =>
      accessDeciding(
        createFleetClusterConditionalDecision(
          fleetClusterReadPermission,
          is.isOwnedBy({ claims }),
        ),
      ).access.scopeFor(mockCredentials.user());
    const a1 = await scopeOf(['group:default/trading']);
    const a2 = await scopeOf(['group:default/trading']);
    const b = await scopeOf(['group:default/risk']);
    expect(a1.all || a2.all || b.all).toBe(false);
    if (a1.all || a2.all || b.all) return;
    expect(a1.key).toBe(a2.key);
    expect(a1.key).not.toBe(b.key);
  });
});
