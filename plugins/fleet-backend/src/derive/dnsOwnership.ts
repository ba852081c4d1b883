import {
  BINDY_ZONE_LABEL,
  type DnsOwnershipRule,
  type DnsRecordKind,
  type DnsRecordOwnership,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';
import { clusterKey } from './clusterKey';
import { recordFqdn } from './deriveDnsRecord';
import type { ReadContext } from './source';

export interface DnsRecordRead {
  kind: DnsRecordKind;
  object: KubeObject;
  read: ReadContext;
}

export interface ClusterDnsRecords {
  read: ReadContext;
  records: Array<DnsRecordRead & { ownedBy: DnsRecordOwnership }>;
  zones: Set<string>;
}

export interface DnsAssignment {
  /** By cluster key (`<namespace>/<name>` of the ClusterDeployment). */
  byCluster: Map<string, ClusterDnsRecords>;
  /** Records that several clusters' rules claim, by each cluster key they name. */
  problemsByCluster: Map<string, string[]>;
}

const trimDot = (name: string) => name.replace(/\.$/, '').toLowerCase();

function recordZone(record: KubeObject): string | undefined {
  const zone =
    record.status?.zoneRef?.zoneName ??
    record.status?.zone ??
    record.metadata?.labels?.[BINDY_ZONE_LABEL];
  return typeof zone === 'string' && zone.length > 0 ? zone : undefined;
}

/** The record's FQDN without the trailing dot, when its zone is known. */
function fqdnOf(record: KubeObject): string | undefined {
  const name = record.spec?.name;
  const fqdn = recordFqdn(
    typeof name === 'string' ? name : '@',
    recordZone(record),
  );
  return fqdn ? trimDot(fqdn) : undefined;
}

interface Claim {
  keys: string[];
  ownedBy: DnsRecordOwnership;
}

/** The clusters one rule gives a record to: none, one, or (ambiguous) several. */
function claimOf(
  rule: DnsOwnershipRule,
  record: KubeObject,
  byName: Map<string, string[]>,
  suffixes: Array<{ key: string; suffix: string }>,
): Claim | undefined {
  if (rule.type === 'label') {
    const value = record.metadata?.labels?.[rule.key];
    const keys = typeof value === 'string' ? byName.get(value) : undefined;
    if (!keys) return undefined;
    return {
      keys,
      ownedBy: { rule, evidence: `label ${rule.key}=${value}` },
    };
  }
  const fqdn = fqdnOf(record);
  if (!fqdn) return undefined;
  const matching = suffixes.filter(
    s => fqdn === s.suffix || fqdn.endsWith(`.${s.suffix}`),
  );
  if (matching.length === 0) return undefined;
  // The most specific suffix wins: `edge-1.example.com` over `example.com`.
  const longest = Math.max(...matching.map(s => s.suffix.length));
  const best = matching.filter(s => s.suffix.length === longest);
  return {
    keys: [...new Set(best.map(s => s.key))],
    ownedBy: {
      rule,
      evidence: `FQDN ${fqdn} ends with ${best[0].suffix} (${rule.from} of the ClusterDeployment)`,
    },
  };
}

/**
 * Which cluster each DNS record belongs to, by the configured rules in order: the first rule that
 * claims a record decides. A rule that gives it to several clusters (a label naming a cluster
 * two namespaces share, two clusters with the same suffix) reports it to each, and gives it to
 * none, so no record is shown under a cluster on a guess.
 */
export function assignDnsRecords(
  records: DnsRecordRead[],
  clusterDeployments: KubeObject[],
  rules: DnsOwnershipRule[],
): DnsAssignment {
  const byName = new Map<string, string[]>();
  const suffixesByRule = new Map<
    string,
    Array<{ key: string; suffix: string }>
  >();
  for (const cd of clusterDeployments) {
    const name = cd.metadata?.name;
    if (typeof name !== 'string') continue;
    const key = clusterKey(cd.metadata?.namespace ?? 'default', name);
    byName.set(name, [...(byName.get(name) ?? []), key]);
    for (const rule of rules) {
      if (rule.type !== 'fqdn-suffix') continue;
      const suffix =
        cd.metadata?.labels?.[rule.from] ??
        cd.metadata?.annotations?.[rule.from];
      if (typeof suffix !== 'string' || trimDot(suffix).length === 0) continue;
      const list = suffixesByRule.get(rule.from) ?? [];
      list.push({ key, suffix: trimDot(suffix) });
      suffixesByRule.set(rule.from, list);
    }
  }

  const assignment: DnsAssignment = {
    byCluster: new Map(),
    problemsByCluster: new Map(),
  };
  for (const record of records) {
    for (const rule of rules) {
      const claim = claimOf(
        rule,
        record.object,
        byName,
        rule.type === 'fqdn-suffix' ? suffixesByRule.get(rule.from) ?? [] : [],
      );
      if (!claim) continue;
      if (claim.keys.length > 1) {
        const problem = `${record.kind} ${record.object.metadata?.namespace}/${
          record.object.metadata?.name
        } is claimed by ${claim.keys.length} clusters (${claim.keys
          .slice()
          .sort()
          .join(', ')}) through ${
          claim.ownedBy.evidence
        }: it is listed under none`;
        for (const key of claim.keys)
          assignment.problemsByCluster.set(key, [
            ...(assignment.problemsByCluster.get(key) ?? []),
            problem,
          ]);
        break;
      }
      const [key] = claim.keys;
      const entry = assignment.byCluster.get(key) ?? {
        read: record.read,
        records: [],
        zones: new Set<string>(),
      };
      entry.records.push({ ...record, ownedBy: claim.ownedBy });
      const zone = recordZone(record.object);
      if (zone) entry.zones.add(zone);
      assignment.byCluster.set(key, entry);
      break;
    }
  }
  return assignment;
}
