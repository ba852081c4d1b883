import type { DnsRecordOwnership } from './ownership';
import type { FigureSource } from './types';

export const DNS_RECORD_KINDS = [
  'ARecord',
  'AAAARecord',
  'CNAMERecord',
  'MXRecord',
  'TXTRecord',
  'SRVRecord',
  'NSRecord',
  'CAARecord',
] as const;
export type DnsRecordKind = (typeof DNS_RECORD_KINDS)[number];

export interface DnsRecordStatus {
  kind: DnsRecordKind;
  namespace: string;
  name: string;
  /** The relative record name from `spec.name` (`@` for the apex). */
  recordName: string;
  zone?: string;
  fqdn?: string;
  values: string[];
  ttl?: number;
  synced: boolean;
  /** Ready condition reason (`ReconcileSucceeded`, `ZoneNotFound`, …) or why it is unknown. */
  reason?: string;
  message?: string;
  /** `status.lastUpdated`: the last successful dynamic update. */
  lastUpdated?: string;
  /** `status.observedGeneration` is below `metadata.generation`: the operator has not seen the latest spec. */
  staleGeneration: boolean;
  /** Which ownership rule put the record under this cluster. */
  ownedBy?: DnsRecordOwnership;
  source: FigureSource;
}
