import { ZONE_LABEL } from '../generateFleet';
import { apiVersionOf, DNS_TYPES, TYPES } from '../resourceTypes';
import type { KubeObject } from '../types';
import { condition, ControllerContext } from './context';

const DNS_ZONE = { apiVersion: apiVersionOf(TYPES.dnsZone), kind: 'DNSZone' };
const RECORD_TYPES = DNS_TYPES.filter(type => type.kind !== 'DNSZone');

function selects(zone: KubeObject, record: KubeObject): boolean {
  const labels = record.metadata.labels ?? {};
  return ((zone.spec as any)?.recordsFrom ?? []).some((from: any) => {
    const selector = from?.selector ?? {};
    const match = Object.entries(selector.matchLabels ?? {}).every(
      ([key, value]) => labels[key] === value,
    );
    const expressions = (selector.matchExpressions ?? []).every((e: any) => {
      const has = e.key in labels;
      if (e.operator === 'In') return has && e.values.includes(labels[e.key]);
      if (e.operator === 'NotIn')
        return !has || !e.values.includes(labels[e.key]);
      if (e.operator === 'Exists') return has;
      if (e.operator === 'DoesNotExist') return !has;
      return false;
    });
    return match && expressions;
  });
}

function reconcileRecord(
  ctx: ControllerContext,
  record: KubeObject,
  zones: KubeObject[],
) {
  const now = ctx.clock();
  const sameNamespace = zones.filter(
    z => z.metadata.namespace === record.metadata.namespace,
  );
  const zone = sameNamespace.find(z => selects(z, record));
  const generation = record.metadata.generation;
  if (zone) {
    const zoneName = (zone.spec as any).zoneName;
    record.status = {
      observedGeneration: generation,
      publishedName: (record.spec as any)?.name,
      zone: zoneName,
      zoneRef: {
        apiVersion: zone.apiVersion,
        kind: 'DNSZone',
        name: zone.metadata.name,
        namespace: zone.metadata.namespace,
        zoneName,
        lastReconciledAt: now,
      },
      lastUpdated: now,
      conditions: [
        condition(
          'Ready',
          'True',
          'ReconcileSucceeded',
          `Record published to zone ${zoneName}`,
          now,
        ),
      ],
    };
  } else {
    const label = record.metadata.labels?.[ZONE_LABEL];
    const named =
      label && sameNamespace.some(z => (z.spec as any).zoneName === label);
    record.status = {
      observedGeneration: generation,
      lastUpdated: null,
      conditions: [
        named
          ? condition(
              'Ready',
              'False',
              'NotSelected',
              `DNSZone ${label} does not select this record: its recordsFrom selectors do not match the record's labels`,
              now,
            )
          : condition(
              'Ready',
              'False',
              'ZoneNotFound',
              `No DNSZone in namespace ${
                record.metadata.namespace
              } selects this record (${ZONE_LABEL}=${label ?? 'unset'})`,
              now,
            ),
      ],
    };
  }
  ctx.observed.done('dns', ctx.dns.upsert(record));
  return zone;
}

/**
 * One step of the bindy operator: new or changed zones become Ready, and new or changed records
 * are pushed to the zone that selects them (synced) or reported `NotSelected` / `ZoneNotFound`.
 * A new zone also takes the records that were waiting for one.
 */
export function stepDns(ctx: ControllerContext): void {
  const zones = ctx.dns.list(DNS_ZONE);
  const changedZones = zones.filter(z => ctx.observed.pending('dns', z));
  for (const zone of changedZones) {
    const now = ctx.clock();
    zone.status = {
      ...(zone.status as any),
      observedGeneration: zone.metadata.generation,
      conditions: [
        condition(
          'Ready',
          'True',
          'ReconcileSucceeded',
          `Zone ${(zone.spec as any).zoneName} configured on 2 instances`,
          now,
        ),
      ],
    };
    ctx.observed.done('dns', ctx.dns.upsert(zone));
  }
  const touched = new Set<string>();
  for (const type of RECORD_TYPES) {
    for (const record of ctx.dns.list({
      apiVersion: apiVersionOf(type),
      kind: type.kind,
    })) {
      const waiting = ['NotSelected', 'ZoneNotFound'].includes(
        (record.status as any)?.conditions?.[0]?.reason,
      );
      const newZoneSelects =
        waiting &&
        changedZones.some(
          z =>
            z.metadata.namespace === record.metadata.namespace &&
            selects(z, record),
        );
      if (!ctx.observed.pending('dns', record) && !newZoneSelects) continue;
      const zone = reconcileRecord(ctx, record, zones);
      if (zone) touched.add(`${zone.metadata.namespace}/${zone.metadata.name}`);
    }
  }
  for (const zone of ctx.dns.list(DNS_ZONE)) {
    if (!touched.has(`${zone.metadata.namespace}/${zone.metadata.name}`))
      continue;
    const records = RECORD_TYPES.flatMap(type =>
      ctx.dns.list({
        apiVersion: apiVersionOf(type),
        kind: type.kind,
        namespace: zone.metadata.namespace,
      }),
    ).filter(r => selects(zone, r));
    zone.status = {
      ...(zone.status as any),
      recordsCount: records.length,
      records: records.map(r => ({
        apiVersion: r.apiVersion,
        kind: r.kind,
        name: r.metadata.name,
        namespace: r.metadata.namespace,
        recordName: (r.spec as any)?.name,
        lastReconciledAt: (r.status as any)?.lastUpdated ?? null,
      })),
    };
    ctx.dns.upsert(zone);
  }
}
