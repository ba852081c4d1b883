import type { KubeConfig } from '@kubernetes/client-node';
import {
  KubeObject,
  KubeReader,
  MalformedResponseError,
  type ReadOptions,
} from './KubeReader';
import { optionalList } from './optionalList';
import { NODE_OP_UPGRADES } from './resourceTypes';

export interface ChildClusterRead {
  nodes: KubeObject[];
  nodeOpUpgrades: KubeObject[];
  /** Nodes that lack the status fields versions and readiness are read from. */
  incompleteNodes: string[];
}

/** Nodes and Kairos NodeOpUpgrades of one child cluster. */
export async function readChildCluster(
  kubeConfig: KubeConfig,
  read: ReadOptions,
): Promise<ChildClusterRead> {
  const reader = new KubeReader(kubeConfig, read);
  const [nodes, nodeOpUpgrades] = await Promise.all([
    reader.listNodes(),
    optionalList(() => reader.listCustom(NODE_OP_UPGRADES, undefined)),
  ]);
  for (const node of nodes) {
    if (
      !node ||
      typeof node !== 'object' ||
      typeof node.metadata?.name !== 'string'
    ) {
      throw new MalformedResponseError(
        'a node in the list has no metadata.name',
      );
    }
  }
  return { nodes, nodeOpUpgrades, incompleteNodes: incompleteNodesOf(nodes) };
}

/** Nodes that lack the status fields versions and readiness are read from, by name. */
export function incompleteNodesOf(nodes: KubeObject[]): string[] {
  return nodes
    .filter(
      node =>
        typeof node.status?.nodeInfo?.kubeletVersion !== 'string' ||
        !Array.isArray(node.status?.conditions),
    )
    .map(node => node.metadata!.name!)
    .sort();
}
