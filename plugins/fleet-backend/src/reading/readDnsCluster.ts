import type { KubeConfig } from '@kubernetes/client-node';
import {
  DNS_RECORD_KINDS,
  type DnsOwnershipRule,
  type DnsRecordKind,
} from '@fleet-portal/plugin-fleet-common';
import { KubeObject, KubeReader, type ReadOptions } from './KubeReader';
import { optionalList } from './optionalList';
import { DNS_RECORD_TYPES, DNS_ZONES } from './resourceTypes';

export interface DnsClusterRead {
  records: Array<{ kind: DnsRecordKind; object: KubeObject }>;
  zones: KubeObject[];
}

/**
 * The label selector that lists only records the ownership rules can give a cluster: with one
 * label rule, records carrying that label (the API server filters); otherwise every record.
 */
export function dnsRecordSelector(
  rules: DnsOwnershipRule[],
): string | undefined {
  return rules.length === 1 && rules[0].type === 'label'
    ? rules[0].key
    : undefined;
}

/** bindy zones and the records the ownership rules may give a fleet cluster. */
export async function readDnsCluster(
  kubeConfig: KubeConfig,
  namespaces: string[] | undefined,
  read: ReadOptions,
  rules: DnsOwnershipRule[],
): Promise<DnsClusterRead> {
  const labelSelector = dnsRecordSelector(rules);
  const reader = new KubeReader(kubeConfig, read);
  const [zones, ...perKind] = await Promise.all([
    reader.listCustom(DNS_ZONES, namespaces),
    ...DNS_RECORD_KINDS.map(kind =>
      optionalList(() =>
        reader.listCustom(
          DNS_RECORD_TYPES[kind],
          namespaces,
          labelSelector ? { labelSelector } : undefined,
        ),
      ),
    ),
  ]);
  const records = perKind.flatMap((objects, i) =>
    objects.map(object => ({ kind: DNS_RECORD_KINDS[i], object })),
  );
  return { records, zones };
}
