/**
 * A Kubernetes API simulator of a k0rdent fleet: the management cluster, every child cluster and
 * the cluster bindy runs in, served by one HTTP(S) server that `@kubernetes/client-node` talks to
 * unchanged. Used by the backend's tests, the demo portal and benchmarks.
 *
 * @packageDocumentation
 */
export { startFleetSimulator } from './startFleetSimulator';
export type { FleetSimulator } from './startFleetSimulator';
export {
  generateFleet,
  BROWNFIELD_DNS_SUFFIX_ANNOTATION,
  REGION_BY_CLUSTER_DEPLOYMENT,
  REGION_BY_SECRET,
  fleetClusterNames,
  DEFAULT_BASE_TIME,
  IMAGE_REF_ANNOTATION,
  DESIRED_IMAGE_ANNOTATION,
  OWNER_ANNOTATION,
  CLUSTER_LABEL,
  ZONE_LABEL,
  MISSING_ZONE,
  KAIROS_REPOSITORY,
} from './generateFleet';
export { renderKubeconfig } from './kubeconfig';
export { parseLabelSelector, matchesLabels, SelectorError } from './selectors';
export {
  TYPES,
  MGMT_TYPES,
  CHILD_TYPES,
  WORKLOAD_TYPES,
  DNS_TYPES,
  CORE_TYPES,
} from './resourceTypes';
export type { ResourceType } from './resourceTypes';
export { FLEET_FAULTS } from './types';
export type {
  ClusterScenario,
  FleetAccess,
  FleetFault,
  FleetGeneratorOptions,
  FleetModel,
  FleetScope,
  FleetSimulatorOptions,
  GeneratedCluster,
  GeneratedNode,
  KubeObject,
  KubeObjectMeta,
  KubeObjectRef,
  KubeObjectStore,
  WatchEventType,
} from './types';
export type {
  GitopsLoop,
  SimulatorGitopsOptions,
} from './gitops/startGitopsLoop';
export { demoRepositoryFiles } from './gitops/demoRepository';
export {
  CRDS_DIR,
  loadCrdValidators,
  loadChartValidator,
  describeErrors,
} from './upstreamCrds';
export type { CrdValidators } from './upstreamCrds';
