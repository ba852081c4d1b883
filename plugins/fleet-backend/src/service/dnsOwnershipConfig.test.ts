import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { DEFAULT_DNS_OWNERSHIP_RULES } from '@fleet-portal/plugin-fleet-common';
import { readDnsOwnershipRules } from './dnsOwnershipConfig';

const read = (dnsOwnership: JsonValue) =>
  readDnsOwnershipRules(new ConfigReader({ fleet: { dnsOwnership } }));

describe('readDnsOwnershipRules', () => {
  it("defaults to Fleet Portal's label", () => {
    expect(readDnsOwnershipRules(new ConfigReader({}))).toEqual(
      DEFAULT_DNS_OWNERSHIP_RULES,
    );
  });

  it('keeps the configured order', () => {
    expect(
      read([
        { fqdnSuffixFrom: 'example.com/dns-suffix' },
        { label: 'team.example.com/cluster' },
      ]),
    ).toEqual([
      { type: 'fqdn-suffix', from: 'example.com/dns-suffix' },
      { type: 'label', key: 'team.example.com/cluster' },
    ]);
  });

  it('refuses an entry naming both or neither, and an empty list', () => {
    expect(() => read([{ label: 'a', fqdnSuffixFrom: 'b' }])).toThrow(
      'fleet.dnsOwnership[0] must name exactly one of label or fqdnSuffixFrom',
    );
    expect(() => read([{ label: 'a' }, {}])).toThrow('fleet.dnsOwnership[1]');
    expect(() => read([])).toThrow('fleet.dnsOwnership is empty');
  });
});
