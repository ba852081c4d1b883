import {
  BINDY_ZONE_LABEL,
  type DnsRecordKind,
  type DnsRecordStatus,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';
import {
  findCondition,
  ReadContext,
  sourceOf,
  stringOrUndefined,
} from './source';

function recordValues(kind: DnsRecordKind, spec: any): string[] {
  if (!spec || typeof spec !== 'object') return [];
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  switch (kind) {
    case 'ARecord':
      return strings(
        spec.ipv4Addresses ?? (spec.ipv4Address ? [spec.ipv4Address] : []),
      );
    case 'AAAARecord':
      return strings(
        spec.ipv6Addresses ?? (spec.ipv6Address ? [spec.ipv6Address] : []),
      );
    case 'CNAMERecord':
    case 'NSRecord':
      return strings([spec.target ?? spec.nameserver]);
    case 'MXRecord':
      return spec.mailServer
        ? [`${spec.priority ?? ''} ${spec.mailServer}`.trim()]
        : [];
    case 'TXTRecord':
      return strings(spec.text);
    case 'SRVRecord':
      return spec.target
        ? [
            `${spec.priority ?? ''} ${spec.weight ?? ''} ${spec.port ?? ''} ${
              spec.target
            }`
              .replace(/\s+/g, ' ')
              .trim(),
          ]
        : [];
    case 'CAARecord':
      return spec.value
        ? [`${spec.flags ?? 0} ${spec.tag ?? ''} ${spec.value}`]
        : [];
    default:
      return [];
  }
}

export function recordFqdn(
  recordName: string,
  zone: string | undefined,
): string | undefined {
  if (!zone) return undefined;
  const apex = zone.replace(/\.$/, '');
  if (recordName === '@' || recordName === '') return `${apex}.`;
  if (recordName.endsWith('.')) return recordName;
  return `${recordName}.${apex}.`;
}

/**
 * A bindy record's sync state: synced when its `Ready` condition is `True`; the operator has not
 * seen the latest spec when `status.observedGeneration` is below `metadata.generation`.
 */
export function deriveDnsRecord(
  kind: DnsRecordKind,
  record: KubeObject,
  read: ReadContext,
): DnsRecordStatus {
  const ready = findCondition(record, 'Ready');
  const generation = record.metadata?.generation;
  const observed = record.status?.observedGeneration;
  const staleGeneration =
    typeof generation === 'number' &&
    typeof observed === 'number' &&
    observed < generation;
  const zone =
    stringOrUndefined(record.status?.zoneRef?.zoneName) ??
    stringOrUndefined(record.status?.zone) ??
    stringOrUndefined(record.metadata?.labels?.[BINDY_ZONE_LABEL]);
  const recordName = stringOrUndefined(record.spec?.name) ?? '@';
  const ttl = record.spec?.ttl;
  return {
    kind,
    namespace: record.metadata?.namespace ?? '',
    name: record.metadata?.name ?? 'unknown',
    recordName,
    zone,
    fqdn: recordFqdn(recordName, zone),
    values: recordValues(kind, record.spec),
    ttl: typeof ttl === 'number' ? ttl : undefined,
    synced: ready?.status === 'True' && !staleGeneration,
    reason: ready ? stringOrUndefined(ready.reason) : 'NoReadyCondition',
    message: ready
      ? stringOrUndefined(ready.message)
      : 'bindy has not reported on this record yet',
    lastUpdated: stringOrUndefined(record.status?.lastUpdated),
    staleGeneration,
    source: sourceOf(record, read, 'status.conditions[type=Ready]'),
  };
}

/** Failing records first, then by FQDN, so a reader sees what is wrong without scrolling. */
export function sortRecords(records: DnsRecordStatus[]): DnsRecordStatus[] {
  return [...records].sort(
    (a, b) =>
      Number(a.synced) - Number(b.synced) ||
      (a.fqdn ?? a.name).localeCompare(b.fqdn ?? b.name) ||
      a.kind.localeCompare(b.kind),
  );
}
