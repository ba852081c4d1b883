/** Day-2 scaffolder templates Fleet Portal's cards link to, in the catalog namespace below. */
export const DAY2_TEMPLATES = {
  k0sUpgrade: 'k0s-upgrade',
  scaleCluster: 'scale-cluster',
  dnsRecords: 'dns-records',
  templateUpgrade: 'upgrade-cluster-template',
} as const;

export type Day2Template = (typeof DAY2_TEMPLATES)[keyof typeof DAY2_TEMPLATES];

export const TEMPLATE_NAMESPACE = 'default';

export const KUBERNETES_CLUSTER_RESOURCE_TYPE = 'kubernetes-cluster';

export const FLEET_READ_PERMISSION_NAME = 'fleet.cluster.read';

export const FLEET_MERGE_PERMISSION_NAME = 'fleet.gitops.merge';
