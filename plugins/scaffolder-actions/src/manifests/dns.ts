import { createHash } from 'node:crypto';
import {
  BINDY_ZONE_LABEL,
  FLEET_LABELS,
} from '@fleet-portal/plugin-fleet-common';
import { objectMeta } from './metadata';
import { KubeObject, RequestInfo } from './types';

export const BINDY_API_VERSION = 'bindy.firestoned.io/v1beta1';

export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const RECORD_KIND_BY_TYPE: Record<RecordType, string> = {
  A: 'ARecord',
  AAAA: 'AAAARecord',
  CNAME: 'CNAMERecord',
  MX: 'MXRecord',
  TXT: 'TXTRecord',
  SRV: 'SRVRecord',
};

interface RecordBase {
  /** Relative owner name, `@` for the apex. */
  name: string;
  ttl?: number;
}

export type DnsRecordSpec = RecordBase &
  (
    | { type: 'A'; ipv4Addresses: string[] }
    | { type: 'AAAA'; ipv6Addresses: string[] }
    | { type: 'CNAME'; target: string }
    | { type: 'MX'; priority: number; mailServer: string }
    | { type: 'TXT'; text: string[] }
    | {
        type: 'SRV';
        priority: number;
        weight: number;
        port: number;
        target: string;
      }
  );

export interface SoaSpec {
  primaryNs: string;
  adminEmail: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  negativeTtl: number;
}

export interface DnsZoneSpec {
  zone: string;
  namespace: string;
  cluster: string;
  soa: SoaSpec;
  ttl?: number;
  /** Bind9Cluster / ClusterBind9Provider serving the zone. */
  clusterRef?: string;
}

/** Kubernetes object name of a zone: `example.com` → `example-com`. */
export function zoneObjectName(zone: string): string {
  return zone.replace(/\./g, '-');
}

/**
 * Kubernetes object name of a record: owner name and zone joined, non-alphanumerics collapsed to
 * "-" (`@` → `apex`, `*` → `wildcard`); names over 63 characters are cut and suffixed with a hash
 * of the full name so they stay unique and deterministic.
 */
export function recordObjectName(zone: string, recordName: string): string {
  const owner =
    recordName === '@' ? 'apex' : recordName.replace(/\*/g, 'wildcard');
  const full = `${owner}.${zone}`;
  const base = full.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (base.length <= 63) return base;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 10);
  return `${base.slice(0, 52).replace(/-+$/, '')}-${hash}`;
}

function zoneLabels(zone: string, cluster: string): Record<string, string> {
  return { [BINDY_ZONE_LABEL]: zone, [FLEET_LABELS.cluster]: cluster };
}

export function buildDnsZone(
  spec: DnsZoneSpec,
  request: RequestInfo,
): KubeObject {
  const body: Record<string, unknown> = {
    zoneName: spec.zone,
    soaRecord: { ...spec.soa },
    recordsFrom: [
      { selector: { matchLabels: { [BINDY_ZONE_LABEL]: spec.zone } } },
    ],
  };
  if (spec.ttl !== undefined) body.ttl = spec.ttl;
  if (spec.clusterRef) body.clusterRef = spec.clusterRef;
  return {
    apiVersion: BINDY_API_VERSION,
    kind: 'DNSZone',
    metadata: objectMeta(request, zoneObjectName(spec.zone), spec.namespace, {
      labels: zoneLabels(spec.zone, spec.cluster),
    }),
    spec: body,
  };
}

function recordBody(record: DnsRecordSpec): Record<string, unknown> {
  const body: Record<string, unknown> = { name: record.name };
  if (record.ttl !== undefined) body.ttl = record.ttl;
  switch (record.type) {
    case 'A':
      return { ...body, ipv4Addresses: [...record.ipv4Addresses] };
    case 'AAAA':
      return { ...body, ipv6Addresses: [...record.ipv6Addresses] };
    case 'CNAME':
      return { ...body, target: record.target };
    case 'MX':
      return {
        ...body,
        priority: record.priority,
        mailServer: record.mailServer,
      };
    case 'TXT':
      return { ...body, text: [...record.text] };
    case 'SRV':
      return {
        ...body,
        priority: record.priority,
        weight: record.weight,
        port: record.port,
        target: record.target,
      };
    default:
      throw new Error(
        `unknown record type ${(record as { type: string }).type}`,
      );
  }
}

export function buildDnsRecord(
  record: DnsRecordSpec,
  zone: string,
  namespace: string,
  cluster: string,
  request: RequestInfo,
): KubeObject {
  return {
    apiVersion: BINDY_API_VERSION,
    kind: RECORD_KIND_BY_TYPE[record.type],
    metadata: objectMeta(
      request,
      recordObjectName(zone, record.name),
      namespace,
      {
        labels: zoneLabels(zone, cluster),
      },
    ),
    spec: recordBody(record),
  };
}
