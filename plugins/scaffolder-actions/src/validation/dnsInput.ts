import {
  DnsRecordSpec,
  DnsZoneSpec,
  RECORD_TYPES,
  recordObjectName,
  SoaSpec,
} from '../manifests/dns';
import { optionalTargetPath } from './common';
import {
  requireAbsoluteHostName,
  requireRelativeRecordName,
  requireSoaMailbox,
  requireTtl,
  requireZoneName,
} from './dns';
import { fieldError, fieldPath } from './fieldError';
import {
  requireDnsLabel,
  requireDnsSubdomain,
  requireNamespace,
} from './names';
import { requireIPv4, requireIPv6 } from './network';
import {
  optionalArray,
  optionalInteger,
  rejectUnknownKeys,
  requireArray,
  requireInteger,
  requireObject,
  requireOneOf,
  requireString,
} from './primitives';

export interface DnsInput {
  zone: string;
  namespace: string;
  cluster: string;
  /** Present when the request creates the zone. */
  zoneSpec?: DnsZoneSpec;
  records: DnsRecordSpec[];
  targetPath: string;
}

const KNOWN_INPUTS = [
  'zone',
  'namespace',
  'cluster',
  'soa',
  'ttl',
  'clusterRef',
  'records',
  'targetPath',
];
const SOA_KEYS = [
  'primaryNs',
  'adminEmail',
  'serial',
  'refresh',
  'retry',
  'expire',
  'negativeTtl',
];
const FIELDS_BY_TYPE: Record<string, string[]> = {
  A: ['addresses'],
  AAAA: ['addresses'],
  CNAME: ['target'],
  MX: ['priority', 'mailServer'],
  TXT: ['text'],
  SRV: ['priority', 'weight', 'port', 'target'],
};
const MAX_INT32 = 2147483647;
const TXT_STRING = /^[\x20-\x7e]{1,255}$/;

function validateSoa(raw: unknown): SoaSpec {
  const soa = requireObject(raw, 'soa');
  rejectUnknownKeys(soa, 'soa', SOA_KEYS);
  return {
    primaryNs: requireAbsoluteHostName(soa.primaryNs, 'soa.primaryNs'),
    adminEmail: requireSoaMailbox(soa.adminEmail, 'soa.adminEmail'),
    serial: optionalInteger(soa.serial, 'soa.serial', 0, 4294967295) ?? 1,
    refresh: optionalInteger(soa.refresh, 'soa.refresh', 1, MAX_INT32) ?? 3600,
    retry: optionalInteger(soa.retry, 'soa.retry', 1, MAX_INT32) ?? 600,
    expire: optionalInteger(soa.expire, 'soa.expire', 1, MAX_INT32) ?? 604800,
    negativeTtl:
      optionalInteger(soa.negativeTtl, 'soa.negativeTtl', 0, MAX_INT32) ?? 300,
  };
}

function port16(value: unknown, field: string): number {
  return requireInteger(value, field, 0, 65535);
}

function validateRecord(
  raw: unknown,
  field: string,
  zone: string,
): DnsRecordSpec {
  const record = requireObject(raw, field);
  const type = requireOneOf(
    record.type,
    fieldPath(field, 'type'),
    RECORD_TYPES,
  );
  rejectUnknownKeys(record, field, [
    'type',
    'name',
    'ttl',
    ...FIELDS_BY_TYPE[type],
  ]);
  const f = (key: string) => fieldPath(field, key);
  const base = {
    name: requireRelativeRecordName(record.name, f('name'), zone),
    ttl:
      record.ttl === undefined ? undefined : requireTtl(record.ttl, f('ttl')),
  };
  switch (type) {
    case 'A':
    case 'AAAA': {
      const parse = type === 'A' ? requireIPv4 : requireIPv6;
      const addresses = requireArray(
        record.addresses,
        f('addresses'),
        1,
        50,
      ).map((ip, i) => parse(ip, fieldPath(f('addresses'), i)));
      return type === 'A'
        ? { ...base, type, ipv4Addresses: addresses }
        : { ...base, type, ipv6Addresses: addresses };
    }
    case 'CNAME':
      if (base.name === '@')
        throw fieldError(f('name'), 'a CNAME cannot be at the zone apex');
      return {
        ...base,
        type,
        target: requireAbsoluteHostName(record.target, f('target')),
      };
    case 'MX':
      return {
        ...base,
        type,
        priority: port16(record.priority, f('priority')),
        mailServer: requireAbsoluteHostName(record.mailServer, f('mailServer')),
      };
    case 'TXT':
      return {
        ...base,
        type,
        text: requireArray(record.text, f('text'), 1, 20).map((text, i) => {
          const value = requireString(text, fieldPath(f('text'), i));
          if (!TXT_STRING.test(value)) {
            throw fieldError(
              fieldPath(f('text'), i),
              'must be 1-255 printable ASCII characters (no newlines or control characters)',
            );
          }
          return value;
        }),
      };
    case 'SRV':
      return {
        ...base,
        type,
        priority: port16(record.priority, f('priority')),
        weight: port16(record.weight, f('weight')),
        port: port16(record.port, f('port')),
        target: requireAbsoluteHostName(record.target, f('target')),
      };
    default:
      throw fieldError(f('type'), `must be one of ${RECORD_TYPES.join(', ')}`);
  }
}

export function validateDnsInput(raw: unknown): DnsInput {
  const input = requireObject(raw, 'input');
  rejectUnknownKeys(input, '', KNOWN_INPUTS);
  const zone = requireZoneName(input.zone, 'zone');
  const namespace = requireNamespace(input.namespace);
  const cluster = requireDnsLabel(input.cluster, 'cluster');
  const records = (optionalArray(input.records, 'records', 0, 100) ?? []).map(
    (record, i) => validateRecord(record, fieldPath('records', i), zone),
  );
  const objectNames = new Map<string, number>();
  records.forEach((record, i) => {
    const key = `${record.type}/${recordObjectName(zone, record.name)}`;
    const earlier = objectNames.get(key);
    if (earlier !== undefined) {
      throw fieldError(
        fieldPath(fieldPath('records', i), 'name'),
        `is the same ${record.type} record as records[${earlier}]; list all values in one record`,
      );
    }
    objectNames.set(key, i);
  });
  if (
    input.soa === undefined &&
    (input.ttl !== undefined || input.clusterRef !== undefined)
  ) {
    throw fieldError(
      input.ttl !== undefined ? 'ttl' : 'clusterRef',
      'only applies when the zone is created (give soa)',
    );
  }
  const zoneSpec: DnsZoneSpec | undefined =
    input.soa === undefined
      ? undefined
      : {
          zone,
          namespace,
          cluster,
          soa: validateSoa(input.soa),
          ttl:
            input.ttl === undefined ? undefined : requireTtl(input.ttl, 'ttl'),
          clusterRef:
            input.clusterRef === undefined
              ? undefined
              : requireDnsSubdomain(input.clusterRef, 'clusterRef'),
        };
  if (!zoneSpec && records.length === 0) {
    throw fieldError(
      'records',
      'must list at least one record when no zone is created (give soa to create the zone)',
    );
  }
  return {
    zone,
    namespace,
    cluster,
    zoneSpec,
    records,
    targetPath: optionalTargetPath(input.targetPath),
  };
}
