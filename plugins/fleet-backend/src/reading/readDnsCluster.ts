import type { KubeConfig } from '@kubernetes/client-node';
import {
  DNS_RECORD_KINDS,
  FLEET_LABELS,
  type DnsRecordKind,
} from '@internal/plugin-fleet-common';
import { KubeObject, KubeReader, type ReadOptions } from './KubeReader';
import { optionalList } from './optionalList';
import { DNS_RECORD_TYPES, DNS_ZONES } from './resourceTypes';

export interface DnsClusterRead {
  records: Array<{ kind: DnsRecordKind; object: KubeObject }>;
  zones: KubeObject[];
}

/**
 * bindy zones and the records that belong to a fleet cluster (those carrying the
 * `fleetportal.io/cluster` label; the API server filters, so unrelated records are never sent).
 */
export async function readDnsCluster(
  kubeConfig: KubeConfig,
  namespaces: string[] | undefined,
  read: ReadOptions,
): Promise<DnsClusterRead> {
  const reader = new KubeReader(kubeConfig, read);
  const [zones, ...perKind] = await Promise.all([
    reader.listCustom(DNS_ZONES, namespaces),
    ...DNS_RECORD_KINDS.map(kind =>
      optionalList(() =>
        reader.listCustom(DNS_RECORD_TYPES[kind], namespaces, {
          labelSelector: FLEET_LABELS.cluster,
        }),
      ),
    ),
  ]);
  const records = perKind.flatMap((objects, i) =>
    objects.map(object => ({ kind: DNS_RECORD_KINDS[i], object })),
  );
  return { records, zones };
}
