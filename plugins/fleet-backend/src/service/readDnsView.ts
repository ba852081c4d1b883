import {
  FLEET_LABELS,
  type DnsRecordKind,
  type ReadFailure,
  type SourceStatus,
} from '@internal/plugin-fleet-common';
import type { ApiServerTarget } from '../connections/types';
import type { ReadContext } from '../derive/source';
import type { AgentPool } from '../reading/AgentPool';
import { classifyReadError } from '../reading/classifyReadError';
import type { KubeObject } from '../reading/KubeReader';
import { readDnsCluster } from '../reading/readDnsCluster';
import { withTimeout } from '../reading/withTimeout';
import type { ReadSettings } from './FleetReading';

/** The DNS clusters' records, grouped by the cluster they belong to. */
export interface DnsView {
  sources: SourceStatus[];
  byCluster: Map<
    string,
    {
      read: ReadContext;
      records: Array<{ kind: DnsRecordKind; object: KubeObject }>;
      zones: Set<string>;
    }
  >;
  failures: ReadFailure[];
  read: ReadContext[];
}

/** The status of a configured management or DNS cluster after one read. */
export function sourceStatus(
  target: ApiServerTarget,
  failure: ReadFailure | undefined,
  at: string,
): SourceStatus {
  return {
    id: target.id,
    scope: target.scope,
    demo: target.demo,
    lastSuccessAt: failure ? undefined : at,
    failure,
  };
}

/** Reads every DNS cluster at once; one that fails is a failure for every cluster's records. */
export async function readDnsView(
  dnsClusters: ApiServerTarget[],
  settings: ReadSettings,
  agents: AgentPool,
  at: string,
): Promise<DnsView> {
  const view: DnsView = {
    sources: [],
    byCluster: new Map(),
    failures: [],
    read: [],
  };
  await Promise.all(
    dnsClusters.map(async target => {
      const result = await withTimeout(
        settings.clusterTimeoutMs,
        async signal =>
          readDnsCluster(await target.loadKubeConfig(), target.namespaces, {
            signal,
            pageSize: settings.pageSize,
            agents,
          }),
      );
      if (!result.value) {
        const failure = classifyReadError(
          result.error,
          `DNS cluster ${target.id}`,
          at,
          result.timedOut,
        );
        view.failures.push(failure);
        view.sources.push(sourceStatus(target, failure, at));
        return;
      }
      const read: ReadContext = {
        readFrom: { scope: 'dns', cluster: target.id },
        readAt: at,
      };
      view.read.push(read);
      for (const { kind, object } of result.value.records) {
        const cluster = object.metadata?.labels?.[FLEET_LABELS.cluster];
        if (!cluster) continue;
        const entry = view.byCluster.get(cluster) ?? {
          read,
          records: [],
          zones: new Set<string>(),
        };
        entry.records.push({ kind, object });
        const zone =
          object.status?.zoneRef?.zoneName ??
          object.metadata?.labels?.['bindy.firestoned.io/zone'];
        if (typeof zone === 'string') entry.zones.add(zone);
        view.byCluster.set(cluster, entry);
      }
      view.sources.push(sourceStatus(target, undefined, at));
    }),
  );
  return view;
}
