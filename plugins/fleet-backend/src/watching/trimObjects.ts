import type { KubeObject } from '../reading/KubeReader';

/** Any object as held by a watch: without `metadata.managedFields`, which nothing here reads. */
export function trimObject(object: KubeObject): KubeObject {
  const metadata = object.metadata as
    | (KubeObject['metadata'] & { managedFields?: unknown })
    | undefined;
  if (!metadata || !('managedFields' in metadata)) return object;
  const { managedFields: _dropped, ...kept } = metadata;
  return { ...object, metadata: kept };
}

/**
 * A node as held by a watch: only what the derivations read (identity, labels and annotations,
 * `spec.providerID`, `status.nodeInfo`, `status.conditions`, `status.addresses`). A real node
 * also carries its image list, capacity and volumes, many times that size, for thousands of
 * nodes held for as long as the backend runs.
 */
export function trimNode(node: KubeObject): KubeObject {
  const trimmed = trimObject(node);
  const status = node.status ?? {};
  return {
    apiVersion: trimmed.apiVersion,
    kind: trimmed.kind,
    metadata: trimmed.metadata,
    spec:
      node.spec?.providerID !== undefined
        ? { providerID: node.spec.providerID }
        : {},
    status: {
      ...(status.nodeInfo !== undefined ? { nodeInfo: status.nodeInfo } : {}),
      ...(status.conditions !== undefined
        ? { conditions: status.conditions }
        : {}),
      ...(status.addresses !== undefined
        ? { addresses: status.addresses }
        : {}),
    },
  };
}
