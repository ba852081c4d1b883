import {
  DEFAULT_DNS_OWNERSHIP_RULES,
  DNS_RECORD_KINDS,
  type DnsRecordKind,
  type ReadFailure,
} from '@fleet-portal/plugin-fleet-common';
import type { ApiServerTarget } from '../connections/types';
import type { ReadContext } from '../derive/source';
import type { AgentPool } from '../reading/AgentPool';
import { classifyReadError } from '../reading/classifyReadError';
import { dnsRecordSelector } from '../reading/readDnsCluster';
import { DNS_RECORD_TYPES, DNS_ZONES } from '../reading/resourceTypes';
import type { ReadSettings } from '../service/FleetReading';
import { sourceStatus, type DnsView } from '../service/readDnsView';
import { watchFailure } from './watchFailure';
import { WatchGroup } from './WatchGroup';
import type { WatchSettings } from './watchSettings';

/** The bindy zones and records of the DNS clusters, held by watches. */
export class DnsWatch {
  private readonly groups = new Map<
    string,
    { zones: WatchGroup; records: Array<[DnsRecordKind, WatchGroup]> }
  >();
  private readonly loadFailures = new Map<string, ReadFailure>();

  constructor(
    private readonly args: {
      targets: ApiServerTarget[];
      settings: ReadSettings;
      watch: WatchSettings;
      agents: AgentPool;
      onChange: () => void;
    },
  ) {}

  async start(): Promise<void> {
    const { settings, watch, agents, onChange } = this.args;
    const selector = dnsRecordSelector(
      settings.dnsOwnership ?? DEFAULT_DNS_OWNERSHIP_RULES,
    );
    for (const target of this.args.targets) {
      let kubeConfig;
      try {
        kubeConfig = await target.loadKubeConfig();
      } catch (error) {
        this.loadFailures.set(
          target.id,
          classifyReadError(
            error,
            `DNS cluster ${target.id}`,
            new Date().toISOString(),
            false,
          ),
        );
        continue;
      }
      const group = (
        type: typeof DNS_ZONES,
        resource: string,
        optional: boolean,
        labelSelector?: string,
      ) =>
        new WatchGroup({
          kubeConfig,
          type,
          namespaces: target.namespaces,
          labelSelector,
          optional,
          resource: `${resource} of DNS cluster ${target.id}`,
          clusterTimeoutMs: settings.clusterTimeoutMs,
          pageSize: settings.pageSize,
          watch,
          agents,
          onChange,
        });
      const entry = {
        zones: group(DNS_ZONES, 'DNSZones', false),
        records: DNS_RECORD_KINDS.map(
          kind =>
            [
              kind,
              group(DNS_RECORD_TYPES[kind], `${kind}s`, true, selector),
            ] as [DnsRecordKind, WatchGroup],
        ),
      };
      this.groups.set(target.id, entry);
      entry.zones.start();
      for (const [, g] of entry.records) g.start();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.groups.values()].flatMap(e => [
        e.zones.stop(),
        ...e.records.map(([, g]) => g.stop()),
      ]),
    );
  }

  private allGroups(): WatchGroup[] {
    return [...this.groups.values()].flatMap(e => [
      e.zones,
      ...e.records.map(([, g]) => g),
    ]);
  }

  settled(): boolean {
    return this.allGroups().every(g => g.settled());
  }

  /** Whether each DNS watch works (the records are compared cluster by cluster). */
  phases(): string {
    return this.allGroups()
      .flatMap(g => g.states().map(s => s.phase))
      .join();
  }

  states() {
    return this.allGroups().flatMap(g => g.states());
  }

  /** The same view a polling read gives: a DNS cluster failing is a failure for every record. */
  view(at: string): DnsView {
    const view: DnsView = { sources: [], records: [], failures: [], read: [] };
    for (const target of this.args.targets) {
      const loadFailure = this.loadFailures.get(target.id);
      const entry = this.groups.get(target.id);
      const failure =
        loadFailure ??
        (entry
          ? [entry.zones, ...entry.records.map(([, g]) => g)]
              .flatMap(g => g.states())
              .map(s => watchFailure(s))
              .find(f => f !== undefined)
          : undefined);
      if (failure || !entry) {
        const f = failure ?? {
          reason: 'unreachable' as const,
          message: 'the DNS cluster is not watched',
          during: `DNS cluster ${target.id}`,
          at,
        };
        view.failures.push(f);
        view.sources.push(sourceStatus(target, f, at));
        continue;
      }
      const read: ReadContext = {
        readFrom: { scope: 'dns', cluster: target.id },
        readAt: at,
      };
      view.read.push(read);
      for (const [kind, g] of entry.records)
        for (const object of g.objects())
          view.records.push({ kind, object, read });
      view.sources.push(sourceStatus(target, undefined, at));
    }
    return view;
  }
}
