import type { KubeConfig } from '@kubernetes/client-node';
import { KubeObject, KubeReader, type ReadOptions } from './KubeReader';
import { optionalList } from './optionalList';
import {
  CLUSTER_DEPLOYMENTS,
  FLUX_GIT_REPOSITORIES,
  FLUX_KUSTOMIZATIONS,
  K0S_CONTROL_PLANES,
  K0SMOTRON_CONTROL_PLANES,
  VIRTUAL_MACHINES,
  VM_IMAGES,
} from './resourceTypes';

export interface ManagementClusterRead {
  clusterDeployments: KubeObject[];
  controlPlanes: KubeObject[];
  virtualMachines: KubeObject[];
  vmImages: KubeObject[];
  /** Flux Kustomizations and GitRepositories (none where Flux is not installed). */
  fluxKustomizations: KubeObject[];
  gitRepositories: KubeObject[];
  /** Why Flux's objects could not be read (the rest of the read stands without them). */
  fluxError?: string;
}

/** Where Flux's objects are read when the connection names no other namespaces. */
export const DEFAULT_FLUX_NAMESPACES = ['flux-system'];

/** One pass over a k0rdent management cluster: a handful of list calls, whatever the fleet size. */
export async function readManagementCluster(
  kubeConfig: KubeConfig,
  namespaces: string[] | undefined,
  read: ReadOptions,
  fluxNamespaces: string[] = DEFAULT_FLUX_NAMESPACES,
): Promise<ManagementClusterRead> {
  const reader = new KubeReader(kubeConfig, read);
  const [
    clusterDeployments,
    k0sControlPlanes,
    k0smotronControlPlanes,
    virtualMachines,
    vmImages,
    fluxKustomizations,
    gitRepositories,
  ] = await Promise.all([
    reader.listCustom(CLUSTER_DEPLOYMENTS, namespaces),
    optionalList(() => reader.listCustom(K0S_CONTROL_PLANES, namespaces)),
    optionalList(() => reader.listCustom(K0SMOTRON_CONTROL_PLANES, namespaces)),
    optionalList(() => reader.listCustom(VIRTUAL_MACHINES, namespaces)),
    optionalList(() => reader.listCustom(VM_IMAGES, namespaces)),
    fluxList(() => reader.listCustom(FLUX_KUSTOMIZATIONS, fluxNamespaces)),
    fluxList(() => reader.listCustom(FLUX_GIT_REPOSITORIES, fluxNamespaces)),
  ]);
  const fluxError = fluxKustomizations.error ?? gitRepositories.error;
  return {
    clusterDeployments,
    controlPlanes: [...k0sControlPlanes, ...k0smotronControlPlanes],
    virtualMachines,
    vmImages,
    fluxKustomizations: fluxError ? [] : fluxKustomizations.objects,
    gitRepositories: fluxError ? [] : gitRepositories.objects,
    fluxError,
  };
}

/** Flux's objects are optional to the fleet: a refusal costs their state, not the whole read. */
async function fluxList(
  list: () => Promise<KubeObject[]>,
): Promise<{ objects: KubeObject[]; error?: string }> {
  try {
    return { objects: await optionalList(list) };
  } catch (error) {
    return { objects: [], error: (error as Error).message };
  }
}

/** Reads `<cluster>-kubeconfig` (key `value`) from the ClusterDeployment's namespace. */
export async function readKubeconfigSecret(
  kubeConfig: KubeConfig,
  namespace: string,
  clusterName: string,
  read: ReadOptions,
): Promise<string | undefined> {
  const reader = new KubeReader(kubeConfig, read);
  const secret = await reader.readSecret(
    namespace,
    `${clusterName}-kubeconfig`,
  );
  const value = secret.data?.value;
  return typeof value === 'string'
    ? Buffer.from(value, 'base64').toString('utf8')
    : undefined;
}
