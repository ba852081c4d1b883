import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import type { ReadFailure } from '@fleet-portal/plugin-fleet-common';
import type { KubeconfigCache } from '../connections/kubeConfigFromSecret';
import type { deriveCluster } from '../derive/deriveCluster';
import type { AgentPool } from '../reading/AgentPool';
import { classifyReadError } from '../reading/classifyReadError';
import { readChildCluster } from '../reading/readChildCluster';
import { readKubeconfigSecret } from '../reading/readManagementCluster';
import { withTimeout } from '../reading/withTimeout';
import type { ReadSettings } from './FleetReading';

export type ChildView = NonNullable<
  Parameters<typeof deriveCluster>[0]['child']
>;

export interface ChildReadContext {
  /** The cluster holding `<name>-kubeconfig`: the management cluster, or a regional one. */
  secretsKubeConfig: KubeConfig;
  /** That cluster, in words for messages. */
  secretsIn: string;
  settings: ReadSettings;
  agents: AgentPool;
  kubeconfigs: KubeconfigCache;
  at: string;
}

/**
 * Reads one child cluster through the kubeconfig Secret k0rdent keeps for it (in the management
 * cluster, or in the regional cluster of its Region). A missing Secret,
 * an unreachable API server or incomplete nodes come back as failures naming the step.
 */
export async function readChildView(
  context: ChildReadContext,
  namespace: string,
  name: string,
  id: string,
): Promise<{ value?: ChildView; failures: ReadFailure[] }> {
  const { settings, agents, at } = context;
  let step = 'reading the kubeconfig Secret';
  const result = await withTimeout(settings.clusterTimeoutMs, async signal => {
    const read = { signal, pageSize: settings.pageSize, agents };
    const secretValue = await readKubeconfigSecret(
      context.secretsKubeConfig,
      namespace,
      name,
      read,
    ).catch(error => {
      if (error instanceof ApiException && error.code === 404) return undefined;
      throw error;
    });
    if (secretValue === undefined) return undefined;
    step = 'checking the kubeconfig';
    const { kubeConfig, apiServer } = context.kubeconfigs.get(secretValue);
    step = 'reading nodes of the child cluster';
    const child = await readChildCluster(kubeConfig, read);
    return {
      read: {
        readFrom: { scope: 'child' as const, cluster: id },
        readAt: at,
      },
      ...child,
      apiServer,
    };
  });
  if (result.value) {
    const { incompleteNodes, ...value } = result.value;
    return {
      value,
      failures: incompleteNodesFailures(
        incompleteNodes,
        value.nodes.length,
        at,
      ),
    };
  }
  if (!result.error && !result.timedOut) {
    return {
      failures: [
        {
          reason: 'kubeconfig-missing',
          message: `Secret ${namespace}/${name}-kubeconfig was not found in ${context.secretsIn}`,
          during: step,
          at,
        },
      ],
    };
  }
  return {
    failures: [classifyReadError(result.error, step, at, result.timedOut)],
  };
}

/** An `incomplete-objects` failure naming (up to ten of) the nodes that lack status fields. */
export function incompleteNodesFailures(
  incompleteNodes: string[],
  nodeCount: number,
  at: string,
): ReadFailure[] {
  return incompleteNodes.length
    ? [
        {
          reason: 'incomplete-objects',
          message: `${
            incompleteNodes.length
          } of ${nodeCount} nodes lack status.nodeInfo or status.conditions: ${incompleteNodes
            .slice(0, 10)
            .join(', ')}`,
          during: 'reading nodes of the child cluster',
          at,
        },
      ]
    : [];
}
