import { Entity } from '@backstage/catalog-model';
import { useClusterRead } from '../../hooks/useClusterRead';

/** The entity's cluster as it was at `at` (ISO); nothing is read while `at` is undefined. */
export function useClusterStateAt(entity: Entity, at: string | undefined) {
  return useClusterRead(
    entity,
    async (api, ref) => (at ? api.getStateAt(ref, at) : undefined),
    [at],
  );
}
