import { DnsRecordStatus } from '@fleet-portal/plugin-fleet-common';
import {
  countDnsSync,
  deriveDnsSync,
  dnsRecordDisplayName,
  dnsRecordType,
  sortDnsRecordsFailingFirst,
} from './dns';

function record(
  name: string,
  overrides: Partial<DnsRecordStatus> = {},
): DnsRecordStatus {
  return {
    kind: 'ARecord',
    namespace: 'dns',
    name,
    recordName: name,
    zone: 'fleet.example.com',
    values: ['10.0.0.1'],
    synced: true,
    staleGeneration: false,
    source: {
      readFrom: { scope: 'dns', cluster: 'dns-eu' },
      apiVersion: 'bindy.firestoned.io/v1beta1',
      kind: 'ARecord',
      namespace: 'dns',
      name,
      field: 'status.conditions[Ready]',
      readAt: '2026-03-01T12:00:00Z',
    },
    ...overrides,
  };
}

describe('DNS helpers', () => {
  it('puts unsynced records first, then stale generations, then by name', () => {
    const sorted = sortDnsRecordsFailingFirst([
      record('alpha'),
      record('zulu', { synced: false }),
      record('bravo', { staleGeneration: true }),
      record('charlie', { synced: false }),
    ]);
    expect(sorted.map(r => r.name)).toEqual([
      'charlie',
      'zulu',
      'bravo',
      'alpha',
    ]);
  });

  it('does not mutate its input', () => {
    const input = [record('b'), record('a', { synced: false })];
    sortDnsRecordsFailingFirst(input);
    expect(input.map(r => r.name)).toEqual(['b', 'a']);
  });

  it('names records by FQDN, else relative name and zone', () => {
    expect(dnsRecordDisplayName(record('api', { fqdn: 'api.x.io.' }))).toBe(
      'api.x.io.',
    );
    expect(dnsRecordDisplayName(record('api'))).toBe('api.fleet.example.com');
    expect(dnsRecordDisplayName(record('apex', { recordName: '@' }))).toBe(
      'fleet.example.com',
    );
    expect(dnsRecordDisplayName(record('api', { zone: undefined }))).toBe(
      'api',
    );
  });

  it('counts synced, total and stale generations', () => {
    expect(
      countDnsSync([
        record('a'),
        record('b', { synced: false, staleGeneration: true }),
      ]),
    ).toEqual({ synced: 1, total: 2, staleGeneration: 1 });
    expect(countDnsSync(undefined)).toEqual({
      synced: 0,
      total: 0,
      staleGeneration: 0,
    });
  });
});

describe('deriveDnsSync', () => {
  it('sorts failing first and counts', () => {
    const view = deriveDnsSync({
      dnsRecords: [record('ok'), record('broken', { synced: false })],
    });
    expect(view.records.map(r => r.name)).toEqual(['broken', 'ok']);
    expect(view.counts).toEqual({ synced: 1, total: 2, staleGeneration: 0 });
    expect(deriveDnsSync({}).records).toEqual([]);
  });

  it('shortens record kinds to DNS types', () => {
    expect(dnsRecordType('CNAMERecord')).toBe('CNAME');
    expect(dnsRecordType('AAAARecord')).toBe('AAAA');
    expect(dnsRecordType('Other')).toBe('Other');
  });
});
