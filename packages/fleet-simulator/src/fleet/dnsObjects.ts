import { hashHex } from '../random';
import { apiVersionOf, TYPES } from '../resourceTypes';
import type { ClusterScenario, KubeObject } from '../types';
import {
  CLUSTER_LABEL,
  DAY,
  HOUR,
  MINUTE,
  MISSING_ZONE,
  type Team,
  ZONE_LABEL,
} from './constants';
import type { ClusterPlan } from './planCluster';
import { RECORD_TEMPLATES } from './recordTemplates';

export function dnsRecordObjects(
  plan: ClusterPlan,
  count: number,
  at: (m: number) => string,
): KubeObject[] {
  const has = (s: ClusterScenario) => plan.scenarios.includes(s);
  // The record each DNS scenario breaks, counted from the last.
  const broken = new Map<number, ClusterScenario>();
  (
    [
      'dns-zone-not-found',
      'dns-reconcile-failed',
      'dns-stale-generation',
    ] as ClusterScenario[]
  )
    .filter(has)
    .forEach((s, k) => broken.set(Math.max(0, count - 1 - k), s));

  const out: KubeObject[] = [];
  for (let i = 0; i < count; i++) {
    const template = RECORD_TEMPLATES[Math.min(i, RECORD_TEMPLATES.length - 1)];
    const { kind, suffix, spec } = template({
      cluster: plan.name,
      zone: plan.zone,
      plan,
      i,
    });
    const problem = broken.get(i);
    const zone = problem === 'dns-zone-not-found' ? MISSING_ZONE : plan.zone;
    const generation = problem === 'dns-stale-generation' ? 3 : 1;
    const created = at(-plan.createdAt + 40 * MINUTE + i);
    const zoneRef = {
      apiVersion: apiVersionOf(TYPES.dnsZone),
      kind: 'DNSZone',
      name: zoneObjectName(plan.zone),
      namespace: plan.namespace,
      zoneName: plan.zone,
      lastReconciledAt: at(-10 * MINUTE),
    };
    const common = {
      publishedName: spec.name,
      recordHash: hashHex('record', JSON.stringify(spec)),
      ...(kind === 'ARecord'
        ? { addresses: (spec.ipv4Addresses as string[]).join(',') }
        : {}),
      ...(kind === 'AAAARecord'
        ? { addresses: (spec.ipv6Addresses as string[]).join(',') }
        : {}),
    };
    let status: Record<string, unknown>;
    if (problem === 'dns-zone-not-found') {
      status = {
        observedGeneration: generation,
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'ZoneNotFound',
            message: `No DNSZone in namespace ${plan.namespace} selects this record (${ZONE_LABEL}=${MISSING_ZONE})`,
            lastTransitionTime: created,
          },
        ],
      };
    } else if (problem === 'dns-reconcile-failed') {
      status = {
        ...common,
        publishedName: null,
        observedGeneration: generation,
        zone: plan.zone,
        zoneRef,
        lastUpdated: null,
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'ReconcileFailed',
            message:
              'dynamic update to bind9-primary-0.bindy-system:53 failed: REFUSED',
            lastTransitionTime: at(-2 * HOUR),
          },
        ],
      };
    } else {
      status = {
        ...common,
        observedGeneration:
          problem === 'dns-stale-generation' ? generation - 1 : generation,
        zone: plan.zone,
        zoneRef,
        lastUpdated:
          problem === 'dns-stale-generation'
            ? at(-3 * DAY)
            : at(-10 * MINUTE - i),
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'ReconcileSucceeded',
            message: `Record published to zone ${plan.zone}`,
            lastTransitionTime:
              problem === 'dns-stale-generation'
                ? at(-3 * DAY)
                : at(-plan.createdAt + 41 * MINUTE),
          },
        ],
      };
    }
    out.push({
      apiVersion: apiVersionOf(TYPES.aRecord),
      kind,
      metadata: {
        name: `${plan.name}-${suffix}`,
        namespace: plan.namespace,
        creationTimestamp: created,
        generation,
        labels: {
          [ZONE_LABEL]: zone,
          [CLUSTER_LABEL]: plan.name,
          'app.kubernetes.io/managed-by': 'fleet-portal',
        },
      },
      spec,
      status,
    });
  }
  return out;
}

function zoneObjectName(zone: string): string {
  return zone.replace(/\./g, '-');
}

export function dnsZone(
  team: Team,
  records: KubeObject[],
  at: (m: number) => string,
): KubeObject {
  return {
    apiVersion: apiVersionOf(TYPES.dnsZone),
    kind: 'DNSZone',
    metadata: {
      name: zoneObjectName(team.zone),
      namespace: team.namespace,
      creationTimestamp: at(-300 * DAY),
      generation: 1,
      labels: {
        'app.kubernetes.io/managed-by': 'fleet-portal',
        'fleetportal.io/team': team.team,
      },
    },
    spec: {
      zoneName: team.zone,
      clusterRef: 'bind9-primary',
      ttl: 3600,
      soaRecord: {
        primaryNs: 'ns1.fleet.example.com.',
        adminEmail: 'hostmaster.fleet.example.com.',
        serial: 2026011501,
        refresh: 3600,
        retry: 600,
        expire: 604800,
        negativeTtl: 300,
      },
      nameServers: [
        { hostname: 'ns1.fleet.example.com.', ipv4Address: '10.96.0.53' },
        { hostname: 'ns2.fleet.example.com.', ipv4Address: '10.96.0.54' },
      ],
      recordsFrom: [{ selector: { matchLabels: { [ZONE_LABEL]: team.zone } } }],
    },
    status: {
      observedGeneration: 1,
      recordsCount: records.length,
      bind9InstancesCount: 2,
      bind9Instances: ['bind9-primary-0', 'bind9-secondary-0'].map(name => ({
        apiVersion: 'bindy.firestoned.io/v1beta1',
        kind: 'Bind9Instance',
        name,
        namespace: 'bindy-system',
        status: 'Configured',
        lastReconciledAt: at(-10 * MINUTE),
      })),
      records: records.map(r => {
        const synced = (r.status as any).lastUpdated
          ? (r.status as any).lastUpdated
          : null;
        return {
          apiVersion: r.apiVersion,
          kind: r.kind,
          name: r.metadata.name,
          namespace: r.metadata.namespace,
          recordName: (r.spec as any).name,
          lastReconciledAt: synced,
        };
      }),
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'ReconcileSucceeded',
          message: `Zone ${team.zone} configured on 2 instances`,
          lastTransitionTime: at(-300 * DAY + 5),
        },
      ],
    },
  };
}
