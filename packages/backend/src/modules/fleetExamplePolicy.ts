import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createFleetClusterConditionalDecision,
  fleetClusterConditions,
  fleetClusterResourceRef,
} from '@fleet-portal/plugin-fleet-backend';

export const PLATFORM_TEAM = 'group:default/platform-team';

/**
 * An example policy: each group reads (and files requests about) the clusters it owns, the
 * platform team all of them; every other permission is allowed. Not enabled by default: see
 * the README, "Who may see which clusters".
 */
export class FleetExamplePolicy implements PermissionPolicy {
  private readonly platformTeam: string;

  constructor(platformTeam: string = PLATFORM_TEAM) {
    this.platformTeam = platformTeam.toLowerCase();
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    // fleet.cluster.read and fleet.cluster.request: the permissions on one fleet cluster.
    if (!isResourcePermission(permission, fleetClusterResourceRef.resourceType))
      return { result: AuthorizeResult.ALLOW };
    // Plugins acting on their own never get here (their calls are allowed before any policy).
    if (!user) return { result: AuthorizeResult.DENY };
    const claims = user.info.ownershipEntityRefs;
    if (claims.some(ref => ref.toLowerCase() === this.platformTeam))
      return { result: AuthorizeResult.ALLOW };
    return createFleetClusterConditionalDecision(
      permission,
      fleetClusterConditions.isOwnedBy({ claims }),
    );
  }
}

/** Installs FleetExamplePolicy as the permission backend's policy (instead of allow-all). */
export const fleetExamplePolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'fleet-example-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new FleetExamplePolicy());
      },
    });
  },
});
