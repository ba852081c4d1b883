import { Entity } from '@backstage/catalog-model';
import { useClusterRead } from '../../hooks/useClusterRead';

/** How many changes the card reads; the newest come first. */
export const HISTORY_LIMIT = 500;

/** The entity cluster's latest recorded changes, newest first. */
export function useClusterHistory(entity: Entity) {
  return useClusterRead(
    entity,
    async (api, ref) =>
      (await api.getHistory(ref, { limit: HISTORY_LIMIT })).items,
    [],
  );
}
