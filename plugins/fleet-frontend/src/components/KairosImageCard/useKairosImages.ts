import { Entity } from '@backstage/catalog-model';
import { useClusterCard } from '../../hooks/useClusterDetail';
import { deriveKairosImages } from '../../lib/images';

/** The images a cluster's nodes run, grouped and compared with the desired one. */
export function useKairosImages(entity: Entity) {
  return useClusterCard(entity, deriveKairosImages);
}
