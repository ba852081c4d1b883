import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  createConditionTransformer,
  type ConditionTransformer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import { fleetClusterReadPermission } from '@fleet-portal/plugin-fleet-common';
import { createHash } from 'node:crypto';
import {
  type FleetClusterFilter,
  type FleetClusterResource,
  matchesClusterFilter,
} from './clusterResource';

/** Which clusters one caller may read: all of them, or those passing the policy's conditions. */
export type ClusterReadScope =
  | { all: true }
  | {
      all: false;
      filter: PermissionCriteria<FleetClusterFilter>;
      /** Names the filter in cache keys: callers with the same conditions share answers. */
      key: string;
    };

/** Asks the policy once per request what `fleet.cluster.read` covers for the caller. */
export class ClusterReadAccess {
  private readonly toFilter: ConditionTransformer<FleetClusterFilter>;

  constructor(
    private readonly permissions: PermissionsService,
    ruleset: PermissionRuleset<FleetClusterResource, FleetClusterFilter>,
  ) {
    this.toFilter = createConditionTransformer(ruleset);
  }

  /** The caller's scope; a plain DENY is a NotAllowedError (403) on every route. */
  async scopeFor(credentials: BackstageCredentials): Promise<ClusterReadScope> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: fleetClusterReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return { all: true };
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      const filter = this.toFilter(decision.conditions);
      const key = createHash('sha256')
        .update(JSON.stringify(filter))
        .digest('base64url');
      return { all: false, filter, key };
    }
    throw new NotAllowedError(
      `permission ${fleetClusterReadPermission.name} is required`,
    );
  }
}

export function permitsCluster(
  scope: ClusterReadScope,
  cluster: FleetClusterResource,
): boolean {
  return scope.all || matchesClusterFilter(cluster, scope.filter);
}

export function permittedClusters<T extends FleetClusterResource>(
  scope: ClusterReadScope,
  clusters: T[],
): T[] {
  return scope.all ? clusters : clusters.filter(c => permitsCluster(scope, c));
}
