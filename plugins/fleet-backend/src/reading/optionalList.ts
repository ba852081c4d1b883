import { ApiException } from '@kubernetes/client-node';
import type { KubeObject } from './KubeReader';

/**
 * Lists a resource whose CRD may not be installed (e.g. no kairos-operator on a cluster):
 * a 404 for the whole resource type means "none", anything else is a real failure.
 */
export async function optionalList(
  list: () => Promise<KubeObject[]>,
): Promise<KubeObject[]> {
  try {
    return await list();
  } catch (error) {
    if (error instanceof ApiException && error.code === 404) return [];
    throw error;
  }
}
