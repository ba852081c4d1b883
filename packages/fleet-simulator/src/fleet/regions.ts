import { condition } from '../conditions';
import { renderKubeconfig } from '../kubeconfig';
import { apiVersionOf, TYPES } from '../resourceTypes';
import type { FleetAccess, KubeObject } from '../types';
import {
  KCM_SYSTEM_NAMESPACE,
  REGION_BY_CLUSTER_DEPLOYMENT,
  REGION_BY_SECRET,
} from './constants';
import { namespaces } from './managementObjects';
import type { ClusterPlan } from './planCluster';

function region(
  name: string,
  spec: Record<string, unknown>,
  at: string,
): KubeObject {
  return {
    apiVersion: apiVersionOf(TYPES.region),
    kind: 'Region',
    metadata: { name, creationTimestamp: at, generation: 1 },
    spec,
    status: {
      observedGeneration: 1,
      conditions: [
        condition('Ready', 'True', 'Succeeded', 'Region is ready', at),
      ],
    },
  };
}

/**
 * Moves each regional cluster's kubeconfig Secret from the management cluster into its regional
 * cluster, sets `status.region` on its ClusterDeployment, and adds the Regions with what reaches
 * them: a kubeconfig Secret in `kcm-system`, or the onboarded ClusterDeployment's own kubeconfig.
 * Returns the objects of the regional cluster served at `/regions/<name>`.
 */
export function placeInRegions(args: {
  plans: ClusterPlan[];
  mgmt: KubeObject[];
  children: Record<string, KubeObject[]>;
  access: FleetAccess;
  at: string;
}): Record<string, KubeObject[]> {
  const { plans, mgmt, children, access, at } = args;
  const regional = plans.filter(p => p.scenarios.includes('regional'));
  const host = plans.find(p => p.scenarios.includes('region-host'));
  if (regional.length === 0 || !host) return {};

  const bySecret: KubeObject[] = [];
  const hostObjects = children[host.name];
  const addNamespace = (objects: KubeObject[], namespace: string) => {
    if (
      !objects.some(
        o => o.kind === 'Namespace' && o.metadata.name === namespace,
      )
    )
      objects.push(...namespaces([namespace], at));
  };
  regional.forEach((plan, i) => {
    const regionName =
      i % 2 === 0 ? REGION_BY_SECRET : REGION_BY_CLUSTER_DEPLOYMENT;
    const into = regionName === REGION_BY_SECRET ? bySecret : hostObjects;
    const secretIndex = mgmt.findIndex(
      o =>
        o.kind === 'Secret' &&
        o.metadata.namespace === plan.namespace &&
        o.metadata.name === `${plan.name}-kubeconfig`,
    );
    addNamespace(into, plan.namespace);
    if (secretIndex >= 0) into.push(...mgmt.splice(secretIndex, 1));
    const cd = mgmt.find(
      o =>
        o.kind === 'ClusterDeployment' &&
        o.metadata.namespace === plan.namespace &&
        o.metadata.name === plan.name,
    )!;
    (cd.status as Record<string, unknown>).region = regionName;
  });

  const token = access.tokens[REGION_BY_SECRET];
  if (!token) throw new Error(`no token for region ${REGION_BY_SECRET}`);
  mgmt.push(
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: `${REGION_BY_SECRET}-kubeconfig`,
        namespace: KCM_SYSTEM_NAMESPACE,
        creationTimestamp: at,
      },
      type: 'Opaque',
      data: {
        value: Buffer.from(
          renderKubeconfig({
            cluster: REGION_BY_SECRET,
            server: `${access.baseUrl}/regions/${REGION_BY_SECRET}`,
            caData: access.caData,
            token,
          }),
        ).toString('base64'),
      },
    } as KubeObject,
    region(
      REGION_BY_SECRET,
      { kubeConfig: { name: `${REGION_BY_SECRET}-kubeconfig`, key: 'value' } },
      at,
    ),
    region(
      REGION_BY_CLUSTER_DEPLOYMENT,
      { clusterDeployment: { name: host.name, namespace: host.namespace } },
      at,
    ),
  );
  return {
    [REGION_BY_SECRET]: [
      ...namespaces(['default', 'kube-system', KCM_SYSTEM_NAMESPACE], at),
      ...bySecret.filter(o => o.kind === 'Namespace'),
      ...bySecret.filter(o => o.kind !== 'Namespace'),
    ],
  };
}

/** `{ region }` of a cluster whose ClusterDeployment names one, for the model. */
export function regionOfPlan(
  plan: ClusterPlan,
  mgmt: KubeObject[],
): { region?: string } {
  if (!plan.scenarios.includes('regional')) return {};
  const cd = mgmt.find(
    o =>
      o.kind === 'ClusterDeployment' &&
      o.metadata.namespace === plan.namespace &&
      o.metadata.name === plan.name,
  );
  const named = (cd?.status as { region?: string } | undefined)?.region;
  return named ? { region: named } : {};
}
