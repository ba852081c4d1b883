import type { ObjectStore } from '../store';
import type { ObservedGenerations } from './observedGenerations';

/** The child clusters' API servers, as the controllers create and remove them. */
export interface ChildClusters {
  store(cluster: string): ObjectStore | undefined;
  names(): string[];
  /** Starts a child cluster's API server and writes its kubeconfig Secret in the management cluster. */
  create(cluster: string, namespace: string, gitVersion: string): ObjectStore;
  /** Stops a child cluster's API server and removes its kubeconfig Secret. */
  remove(cluster: string): void;
  /** What the child's `/version` answers (`v1.31.2+k0s`). */
  setGitVersion(cluster: string, gitVersion: string): void;
}

export interface ControllerContext {
  management: ObjectStore;
  dns: ObjectStore;
  children: ChildClusters;
  observed: ObservedGenerations;
  clock: () => string;
}

export { condition } from '../conditions';
