import { Entity } from '@backstage/catalog-model';
import { useClusterCard } from '../../hooks/useClusterDetail';
import { deriveK0sVersions } from '../../lib/k0s';

/** A cluster's desired, running and exact k0s versions with skew and drift worked out. */
export function useK0sVersions(entity: Entity) {
  return useClusterCard(entity, deriveK0sVersions);
}
