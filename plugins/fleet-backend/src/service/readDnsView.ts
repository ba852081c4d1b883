import {
  DEFAULT_DNS_OWNERSHIP_RULES,
  type ReadFailure,
  type SourceStatus,
} from '@fleet-portal/plugin-fleet-common';
import type { ApiServerTarget } from '../connections/types';
import type { DnsRecordRead } from '../derive/dnsOwnership';
import type { ReadContext } from '../derive/source';
import type { AgentPool } from '../reading/AgentPool';
import { classifyReadError } from '../reading/classifyReadError';
import { readDnsCluster } from '../reading/readDnsCluster';
import { withTimeout } from '../reading/withTimeout';
import type { ReadSettings } from './FleetReading';

/** The DNS clusters' records, before they are given to clusters (assignDnsRecords). */
export interface DnsView {
  sources: SourceStatus[];
  records: DnsRecordRead[];
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
    records: [],
    failures: [],
    read: [],
  };
  const rules = settings.dnsOwnership ?? DEFAULT_DNS_OWNERSHIP_RULES;
  await Promise.all(
    dnsClusters.map(async target => {
      const result = await withTimeout(
        settings.clusterTimeoutMs,
        async signal =>
          readDnsCluster(
            await target.loadKubeConfig(),
            target.namespaces,
            { signal, pageSize: settings.pageSize, agents },
            rules,
          ),
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
      for (const { kind, object } of result.value.records)
        view.records.push({ kind, object, read });
      view.sources.push(sourceStatus(target, undefined, at));
    }),
  );
  return view;
}
