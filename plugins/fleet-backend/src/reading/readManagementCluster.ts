import type { KubeConfig } from '@kubernetes/client-node';
import { KubeObject, KubeReader, type ReadOptions } from './KubeReader';
import { optionalList } from './optionalList';
import {
  CLUSTER_DEPLOYMENTS,
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
}

/** One pass over a k0rdent management cluster: a handful of list calls, whatever the fleet size. */
export async function readManagementCluster(
  kubeConfig: KubeConfig,
  namespaces: string[] | undefined,
  read: ReadOptions,
): Promise<ManagementClusterRead> {
  const reader = new KubeReader(kubeConfig, read);
  const [
    clusterDeployments,
    k0sControlPlanes,
    k0smotronControlPlanes,
    virtualMachines,
    vmImages,
  ] = await Promise.all([
    reader.listCustom(CLUSTER_DEPLOYMENTS, namespaces),
    optionalList(() => reader.listCustom(K0S_CONTROL_PLANES, namespaces)),
    optionalList(() => reader.listCustom(K0SMOTRON_CONTROL_PLANES, namespaces)),
    optionalList(() => reader.listCustom(VIRTUAL_MACHINES, namespaces)),
    optionalList(() => reader.listCustom(VM_IMAGES, namespaces)),
  ]);
  return {
    clusterDeployments,
    controlPlanes: [...k0sControlPlanes, ...k0smotronControlPlanes],
    virtualMachines,
    vmImages,
  };
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
