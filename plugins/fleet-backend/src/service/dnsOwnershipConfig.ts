import type { Config } from '@backstage/config';
import {
  DEFAULT_DNS_OWNERSHIP_RULES,
  type DnsOwnershipRule,
} from '@fleet-portal/plugin-fleet-common';

/** `fleet.dnsOwnership`, checked: each entry names exactly one of `label` or `fqdnSuffixFrom`. */
export function readDnsOwnershipRules(config: Config): DnsOwnershipRule[] {
  const entries = config.getOptionalConfigArray('fleet.dnsOwnership');
  if (!entries) return DEFAULT_DNS_OWNERSHIP_RULES;
  if (entries.length === 0)
    throw new Error(
      'fleet.dnsOwnership is empty: no DNS record could belong to any cluster; remove it for the default or name a rule',
    );
  return entries.map((entry, i) => {
    const label = entry.getOptionalString('label');
    const from = entry.getOptionalString('fqdnSuffixFrom');
    if (Boolean(label) === Boolean(from))
      throw new Error(
        `fleet.dnsOwnership[${i}] must name exactly one of label or fqdnSuffixFrom`,
      );
    return label
      ? { type: 'label', key: label }
      : { type: 'fqdn-suffix', from: from! };
  });
}
