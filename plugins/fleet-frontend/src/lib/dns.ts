import { DnsRecordStatus } from '@fleet-portal/plugin-fleet-common';

/** A record's name as a reader knows it: the FQDN, else `name.zone`, else the relative name. */
export function dnsRecordDisplayName(record: DnsRecordStatus): string {
  if (record.fqdn) return record.fqdn;
  const relative = record.recordName ?? record.name;
  if (!record.zone) return relative;
  return relative === '@' ? record.zone : `${relative}.${record.zone}`;
}

function failureRank(record: DnsRecordStatus): number {
  if (!record.synced) return 0;
  if (record.staleGeneration) return 1;
  return 2;
}

/** Unsynced records first, then those with a stale generation, then the rest; by name within each. */
export function sortDnsRecordsFailingFirst(
  records: DnsRecordStatus[] | undefined,
): DnsRecordStatus[] {
  return [...(records ?? [])].sort(
    (a, b) =>
      failureRank(a) - failureRank(b) ||
      dnsRecordDisplayName(a).localeCompare(dnsRecordDisplayName(b)) ||
      a.kind.localeCompare(b.kind),
  );
}

export interface DnsSyncCounts {
  synced: number;
  total: number;
  staleGeneration: number;
}

export function countDnsSync(
  records: DnsRecordStatus[] | undefined,
): DnsSyncCounts {
  const all = records ?? [];
  return {
    synced: all.filter(record => record.synced).length,
    total: all.length,
    staleGeneration: all.filter(record => record.staleGeneration).length,
  };
}

export interface DnsSyncView {
  /** Failing records first. */
  records: DnsRecordStatus[];
  counts: DnsSyncCounts;
}

export function deriveDnsSync(cluster: {
  dnsRecords?: DnsRecordStatus[];
}): DnsSyncView {
  return {
    records: sortDnsRecordsFailingFirst(cluster.dnsRecords),
    counts: countDnsSync(cluster.dnsRecords),
  };
}

/** `ARecord` → `A`, `CNAMERecord` → `CNAME`. */
export function dnsRecordType(kind: string): string {
  return kind.endsWith('Record') ? kind.slice(0, -'Record'.length) : kind;
}
