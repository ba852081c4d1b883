import { Entity } from '@backstage/catalog-model';
import { useClusterCard } from '../../hooks/useClusterDetail';
import { deriveServicesView } from '../../lib/services';

/** The services k0rdent deploys on the cluster, failing first, with counts. */
export function useServices(entity: Entity) {
  return useClusterCard(entity, deriveServicesView);
}
