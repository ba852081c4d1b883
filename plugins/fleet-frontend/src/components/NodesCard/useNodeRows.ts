import { Entity } from '@backstage/catalog-model';
import { useClusterCard } from '../../hooks/useClusterDetail';
import { deriveNodeRows } from '../../lib/nodes';

/** The cluster's nodes as table rows. */
export function useNodeRows(entity: Entity) {
  return useClusterCard(entity, deriveNodeRows);
}
