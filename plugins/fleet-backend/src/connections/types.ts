import type { KubeConfig } from '@kubernetes/client-node';

/** One API server the backend reads: a management cluster, a DNS cluster, or a child cluster. */
export interface ApiServerTarget {
  id: string;
  scope: 'management' | 'dns';
  /** True for the built-in simulated demo fleet. */
  demo: boolean;
  /** Only these namespaces are read; all when undefined. */
  namespaces?: string[];
  /** Where Flux's Kustomizations and GitRepositories are read (management clusters only). */
  fluxNamespaces?: string[];
  /** Catalog owner for clusters that name none (management clusters only). */
  defaultOwner?: string;
  /** Where k0rdent keeps Regions' kubeconfig Secrets (management clusters only; `kcm-system`). */
  systemNamespace?: string;
  /** Builds a fresh KubeConfig; called on every refresh so rotated tokens are picked up. */
  loadKubeConfig(): Promise<KubeConfig>;
}

/** Connection settings as config (or the demo module) gives them. */
export interface ApiServerConnectionOptions {
  id: string;
  url?: string;
  caData?: string;
  caFile?: string;
  serviceAccountToken?: string;
  serviceAccountTokenFile?: string;
  kubeconfigFile?: string;
  kubeconfigContext?: string;
  inCluster?: boolean;
  namespaces?: string[];
  fluxNamespaces?: string[];
  defaultOwner?: string;
  systemNamespace?: string;
  demo?: boolean;
}
