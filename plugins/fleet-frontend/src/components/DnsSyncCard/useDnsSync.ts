import { Entity } from '@backstage/catalog-model';
import { useClusterCard } from '../../hooks/useClusterDetail';
import { deriveDnsSync } from '../../lib/dns';

/** The cluster's bindy records, failing first, with sync counts. */
export function useDnsSync(entity: Entity) {
  return useClusterCard(entity, deriveDnsSync);
}
