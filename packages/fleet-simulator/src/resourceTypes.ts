/** The resource types each simulated API server serves, as its discovery would list them. */
export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export function apiVersionOf(
  type: Pick<ResourceType, 'group' | 'version'>,
): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

const core = (
  kind: string,
  plural: string,
  namespaced: boolean,
): ResourceType => ({
  group: '',
  version: 'v1',
  kind,
  plural,
  namespaced,
});

export const CORE_TYPES: ResourceType[] = [
  core('Namespace', 'namespaces', false),
  core('Node', 'nodes', false),
  core('Secret', 'secrets', true),
  core('ConfigMap', 'configmaps', true),
];

const K0RDENT = 'k0rdent.mirantis.com';
const CAPI_CP = 'controlplane.cluster.x-k8s.io';
const VIRTRIGAUD = 'infra.virtrigaud.io';
const KAIROS = 'operator.kairos.io';
const BINDY = 'bindy.firestoned.io';
const FLUX_SOURCE = 'source.toolkit.fluxcd.io';
const FLUX_KUSTOMIZE = 'kustomize.toolkit.fluxcd.io';

const ns = (
  group: string,
  version: string,
  kind: string,
  plural: string,
): ResourceType => ({
  group,
  version,
  kind,
  plural,
  namespaced: true,
});

export const TYPES = {
  region: {
    group: K0RDENT,
    version: 'v1beta1',
    kind: 'Region',
    plural: 'regions',
    namespaced: false,
  } as ResourceType,
  clusterDeployment: ns(
    K0RDENT,
    'v1beta1',
    'ClusterDeployment',
    'clusterdeployments',
  ),
  clusterTemplate: ns(
    K0RDENT,
    'v1beta1',
    'ClusterTemplate',
    'clustertemplates',
  ),
  credential: ns(K0RDENT, 'v1beta1', 'Credential', 'credentials'),
  clusterTemplateChain: ns(
    K0RDENT,
    'v1beta1',
    'ClusterTemplateChain',
    'clustertemplatechains',
  ),
  k0sControlPlane: ns(
    CAPI_CP,
    'v1beta2',
    'K0sControlPlane',
    'k0scontrolplanes',
  ),
  k0smotronControlPlane: ns(
    CAPI_CP,
    'v1beta2',
    'K0smotronControlPlane',
    'k0smotroncontrolplanes',
  ),
  virtualMachine: ns(
    VIRTRIGAUD,
    'v1beta1',
    'VirtualMachine',
    'virtualmachines',
  ),
  vmImage: ns(VIRTRIGAUD, 'v1beta1', 'VMImage', 'vmimages'),
  nodeOpUpgrade: ns(KAIROS, 'v1alpha1', 'NodeOpUpgrade', 'nodeopupgrades'),
  nodeOp: ns(KAIROS, 'v1alpha1', 'NodeOp', 'nodeops'),
  dnsZone: ns(BINDY, 'v1beta1', 'DNSZone', 'dnszones'),
  aRecord: ns(BINDY, 'v1beta1', 'ARecord', 'arecords'),
  aaaaRecord: ns(BINDY, 'v1beta1', 'AAAARecord', 'aaaarecords'),
  cnameRecord: ns(BINDY, 'v1beta1', 'CNAMERecord', 'cnamerecords'),
  mxRecord: ns(BINDY, 'v1beta1', 'MXRecord', 'mxrecords'),
  txtRecord: ns(BINDY, 'v1beta1', 'TXTRecord', 'txtrecords'),
  srvRecord: ns(BINDY, 'v1beta1', 'SRVRecord', 'srvrecords'),
  nsRecord: ns(BINDY, 'v1beta1', 'NSRecord', 'nsrecords'),
  caaRecord: ns(BINDY, 'v1beta1', 'CAARecord', 'caarecords'),
  gitRepository: ns(FLUX_SOURCE, 'v1', 'GitRepository', 'gitrepositories'),
  fluxKustomization: ns(
    FLUX_KUSTOMIZE,
    'v1',
    'Kustomization',
    'kustomizations',
  ),
} as const;

/**
 * The built-in workload APIs every real cluster serves (empty unless objects are added); the
 * core Kubernetes plugin lists these on every cluster for each entity page it shows.
 */
export const WORKLOAD_TYPES: ResourceType[] = [
  core('Pod', 'pods', true),
  core('Service', 'services', true),
  core('LimitRange', 'limitranges', true),
  core('ResourceQuota', 'resourcequotas', true),
  ns('apps', 'v1', 'Deployment', 'deployments'),
  ns('apps', 'v1', 'ReplicaSet', 'replicasets'),
  ns('apps', 'v1', 'StatefulSet', 'statefulsets'),
  ns('apps', 'v1', 'DaemonSet', 'daemonsets'),
  ns(
    'autoscaling',
    'v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
  ),
  ns('batch', 'v1', 'Job', 'jobs'),
  ns('batch', 'v1', 'CronJob', 'cronjobs'),
  ns('networking.k8s.io', 'v1', 'Ingress', 'ingresses'),
];

/** The CRDs installed on each kind of simulated cluster (core types are served everywhere). */
export const MGMT_TYPES: ResourceType[] = [
  TYPES.region,
  TYPES.clusterDeployment,
  TYPES.clusterTemplate,
  TYPES.credential,
  TYPES.clusterTemplateChain,
  TYPES.k0sControlPlane,
  TYPES.k0smotronControlPlane,
  TYPES.virtualMachine,
  TYPES.vmImage,
  TYPES.gitRepository,
  TYPES.fluxKustomization,
];
export const CHILD_TYPES: ResourceType[] = [TYPES.nodeOpUpgrade, TYPES.nodeOp];
export const DNS_TYPES: ResourceType[] = [
  TYPES.dnsZone,
  TYPES.aRecord,
  TYPES.aaaaRecord,
  TYPES.cnameRecord,
  TYPES.mxRecord,
  TYPES.txtRecord,
  TYPES.srvRecord,
  TYPES.nsRecord,
  TYPES.caaRecord,
];

/** A plural for a kind nobody registered: lowercase + s (es after s, x, ch, sh). */
export function guessPlural(kind: string): string {
  const lower = kind.toLowerCase();
  if (/(s|x|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** The type of an object that was upserted with a kind no scope registers. */
export function typeFromObject(
  apiVersion: string,
  kind: string,
  namespaced: boolean,
): ResourceType {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return { group, version, kind, plural: guessPlural(kind), namespaced };
}
