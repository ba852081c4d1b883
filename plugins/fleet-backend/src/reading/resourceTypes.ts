import { ResourceType } from './KubeReader';
import type { DnsRecordKind } from '@fleet-portal/plugin-fleet-common';

export const CLUSTER_DEPLOYMENTS: ResourceType = {
  group: 'k0rdent.mirantis.com',
  version: 'v1beta1',
  plural: 'clusterdeployments',
};

export const K0S_CONTROL_PLANES: ResourceType = {
  group: 'controlplane.cluster.x-k8s.io',
  version: 'v1beta2',
  plural: 'k0scontrolplanes',
};

export const K0SMOTRON_CONTROL_PLANES: ResourceType = {
  group: 'controlplane.cluster.x-k8s.io',
  version: 'v1beta2',
  plural: 'k0smotroncontrolplanes',
};

export const VIRTUAL_MACHINES: ResourceType = {
  group: 'infra.virtrigaud.io',
  version: 'v1beta1',
  plural: 'virtualmachines',
};

export const VM_IMAGES: ResourceType = {
  group: 'infra.virtrigaud.io',
  version: 'v1beta1',
  plural: 'vmimages',
};

export const NODE_OP_UPGRADES: ResourceType = {
  group: 'operator.kairos.io',
  version: 'v1alpha1',
  plural: 'nodeopupgrades',
};

export const DNS_ZONES: ResourceType = {
  group: 'bindy.firestoned.io',
  version: 'v1beta1',
  plural: 'dnszones',
};

/** The bindy record kinds Fleet Portal reads, by kind. */
export const DNS_RECORD_TYPES: Record<DnsRecordKind, ResourceType> = {
  ARecord: {
    group: 'bindy.firestoned.io',
    version: 'v1beta1',
    plural: 'arecords',
  },
  AAAARecord: {
    group: 'bindy.firestoned.io',
    version: 'v1beta1',
    plural: 'aaaarecords',
  },
  CNAMERecord: {
    group: 'bindy.firestoned.io',
    version: 'v1beta1',
    plural: 'cnamerecords',
  },
  MXRecord: {
    group: 'bindy.firestoned.io',
    version: 'v1beta1',
    plural: 'mxrecords',
  },
  TXTRecord: {
    group: 'bindy.firestoned.io',
    version: 'v1beta1',
    plural: 'txtrecords',
  },
  SRVRecord: {
    group: 'bindy.firestoned.io',
    version: 'v1beta1',
    plural: 'srvrecords',
  },
  NSRecord: {
    group: 'bindy.firestoned.io',
    version: 'v1beta1',
    plural: 'nsrecords',
  },
  CAARecord: {
    group: 'bindy.firestoned.io',
    version: 'v1beta1',
    plural: 'caarecords',
  },
};

export function apiVersionOf(type: ResourceType): string {
  return `${type.group}/${type.version}`;
}

export const FLUX_KUSTOMIZATIONS: ResourceType = {
  group: 'kustomize.toolkit.fluxcd.io',
  version: 'v1',
  plural: 'kustomizations',
};

export const FLUX_GIT_REPOSITORIES: ResourceType = {
  group: 'source.toolkit.fluxcd.io',
  version: 'v1',
  plural: 'gitrepositories',
};

/** k0rdent's Regions (cluster-scoped): where a regional ClusterDeployment's kubeconfig lives. */
export const REGIONS: ResourceType = {
  group: 'k0rdent.mirantis.com',
  version: 'v1beta1',
  plural: 'regions',
};
