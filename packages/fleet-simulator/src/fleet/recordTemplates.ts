import type { ClusterPlan } from './planCluster';

export type RecordTemplate = (args: {
  cluster: string;
  zone: string;
  plan: ClusterPlan;
  i: number;
}) => {
  kind: string;
  suffix: string;
  spec: Record<string, unknown>;
};

export const RECORD_TEMPLATES: RecordTemplate[] = [
  ({ cluster, plan }) => ({
    kind: 'ARecord',
    suffix: 'api',
    spec: {
      name: `api.${cluster}`,
      ipv4Addresses: [plan.endpointIp],
      ttl: 300,
    },
  }),
  ({ cluster, zone }) => ({
    kind: 'CNAMERecord',
    suffix: 'grafana',
    spec: {
      name: `grafana.${cluster}`,
      target: `ingress.${cluster}.${zone}.`,
      ttl: 300,
    },
  }),
  ({ cluster, plan }) => ({
    kind: 'TXTRecord',
    suffix: 'owner',
    spec: {
      name: `_owner.${cluster}`,
      text: [`owner=${plan.owner}`, `cluster=${cluster}`],
      ttl: 3600,
    },
  }),
  ({ cluster, plan }) => ({
    kind: 'ARecord',
    suffix: 'ingress',
    spec: {
      name: `ingress.${cluster}`,
      ipv4Addresses: (plan.nodes.filter(n => n.role === 'worker').length
        ? plan.nodes.filter(n => n.role === 'worker')
        : plan.nodes
      ).map(n => n.ip),
      ttl: 300,
    },
  }),
  ({ cluster, plan }) => ({
    kind: 'AAAARecord',
    suffix: 'api-v6',
    spec: {
      name: `api.${cluster}`,
      ipv6Addresses: [`fd00:40:${plan.index.toString(16)}::5`],
      ttl: 300,
    },
  }),
  ({ cluster, zone }) => ({
    kind: 'SRVRecord',
    suffix: 'etcd-srv',
    spec: {
      name: `_etcd-server-ssl._tcp.${cluster}`,
      priority: 0,
      weight: 10,
      port: 2380,
      target: `api.${cluster}.${zone}.`,
      ttl: 300,
    },
  }),
  ({ cluster, zone }) => ({
    kind: 'MXRecord',
    suffix: 'mx',
    spec: {
      name: cluster,
      priority: 10,
      mailServer: `mx1.${zone}.`,
      ttl: 3600,
    },
  }),
  ({ cluster, plan, i }) => ({
    kind: 'ARecord',
    suffix: `svc-${i}`,
    spec: {
      name: `svc-${i}.${cluster}`,
      ipv4Addresses: [plan.nodes[i % plan.nodes.length].ip],
      ttl: 300,
    },
  }),
];
