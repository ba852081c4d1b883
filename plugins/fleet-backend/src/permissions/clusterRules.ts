import {
  createConditionExports,
  createPermissionRule,
  type PermissionRule,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import {
  type FleetClusterFilter,
  type FleetClusterResource,
  fleetClusterResourceRef,
  matchesClusterFilter,
} from './clusterResource';

/*
 * Each rule's apply goes through its toQuery, so a cluster loaded on its own and the same
 * cluster in a filtered list can never get different answers.
 */

const isOwnedBy = createPermissionRule({
  name: 'IS_OWNED_BY',
  description:
    'Allow clusters owned by one of the given entities (the fleetportal.io/owner annotation)',
  resourceRef: fleetClusterResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        'Entity refs of the owners, usually the user ownership entity refs: group:default/trading',
      ),
  }),
  apply: (cluster, params) => matchesClusterFilter(cluster, toOwner(params)),
  toQuery: params => toOwner(params),
});
function toOwner({ claims }: { claims: string[] }): FleetClusterFilter {
  return { kind: 'owner', owners: claims };
}

const hasLabel = createPermissionRule({
  name: 'HAS_LABEL',
  description:
    'Allow clusters whose ClusterDeployment has the label, with the value if one is given',
  resourceRef: fleetClusterResourceRef,
  paramsSchema: z.object({
    key: z.string().describe('Label key, e.g. environment'),
    value: z.string().optional().describe('Label value, e.g. prod'),
  }),
  apply: (cluster, params) => matchesClusterFilter(cluster, toLabel(params)),
  toQuery: params => toLabel(params),
});
function toLabel(params: { key: string; value?: string }): FleetClusterFilter {
  return { kind: 'label', key: params.key, value: params.value };
}

const inManagementCluster = createPermissionRule({
  name: 'IN_MANAGEMENT_CLUSTER',
  description: 'Allow clusters of one management cluster',
  resourceRef: fleetClusterResourceRef,
  paramsSchema: z.object({
    id: z
      .string()
      .describe('Management cluster id (fleet.managementClusters[].id)'),
  }),
  apply: (cluster, params) =>
    matchesClusterFilter(cluster, toManagement(params)),
  toQuery: params => toManagement(params),
});
function toManagement({ id }: { id: string }): FleetClusterFilter {
  return { kind: 'management', id };
}

const isDemo = createPermissionRule({
  name: 'IS_DEMO',
  description:
    'Allow clusters of the simulated demo fleet (value true) or of real ones (value false)',
  resourceRef: fleetClusterResourceRef,
  paramsSchema: z.object({
    value: z.boolean().describe('true: demo clusters; false: real ones'),
  }),
  apply: (cluster, params) => matchesClusterFilter(cluster, toDemo(params)),
  toQuery: params => toDemo(params),
});
function toDemo({ value }: { value: boolean }): FleetClusterFilter {
  return { kind: 'demo', value };
}

/** The rules a policy combines into conditions on `fleet-cluster` permissions. */
export const fleetClusterPermissionRules = {
  isOwnedBy,
  hasLabel,
  inManagementCluster,
  isDemo,
};

const conditionExports = createConditionExports({
  resourceRef: fleetClusterResourceRef,
  rules: fleetClusterPermissionRules,
});

/** Condition factories for policies: `fleetClusterConditions.isOwnedBy({ claims })`. */
export const fleetClusterConditions = conditionExports.conditions;

/** Wraps conditions into the decision a policy returns for a `fleet-cluster` permission. */
export const createFleetClusterConditionalDecision =
  conditionExports.createConditionalDecision;

/** The rules above alone, for wiring without the permissions registry (tools, benchmarks). */
export const builtInClusterRuleset: PermissionRuleset<
  FleetClusterResource,
  FleetClusterFilter
> = {
  getRuleByName(name) {
    const rule = Object.values(fleetClusterPermissionRules).find(
      r => r.name === name,
    );
    if (!rule) {
      throw new Error(
        `Permission rule '${name}' does not exist for resource type '${fleetClusterResourceRef.resourceType}'`,
      );
    }
    return rule as PermissionRule<
      FleetClusterResource,
      FleetClusterFilter,
      string
    >;
  },
};
