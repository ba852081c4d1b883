import pLimit from 'p-limit';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import { KubeconfigCache } from '../connections/kubeConfigFromSecret';
import type { ApiServerTarget } from '../connections/types';
import { clusterRefOf } from '../derive/deriveCluster';
import { GitManifests } from '../gitops/GitManifests';
import type { GitRevisions } from '../gitops/GitRevisions';
import { LocalGitRevisions } from '../gitops/LocalGitRevisions';
import { AgentPool } from '../reading/AgentPool';
import type { FleetChangeListener } from '../signals/publishFleetChanges';
import type { ReadSettings } from '../service/FleetReading';
import type { FleetStore } from '../service/FleetStore';
import { clusterKey } from '../service/managementIndex';
import { buildManagementContext } from '../service/managementContext';
import { readOneCluster } from '../service/readOneCluster';
import { sourceStatus } from '../service/readDnsView';
import { clusterInputsFingerprint } from './clusterInputsFingerprint';
import { DnsWatch } from './DnsWatch';
import { ManagementWatch } from './ManagementWatch';
import type { ResourceWatchState } from './ResourceWatch';
import { watchStatus } from './watchFailure';
import { DEFAULT_WATCH_SETTINGS, type WatchSettings } from './watchSettings';

export interface LiveFleetOptions extends ReadSettings {
  managementClusters: ApiServerTarget[];
  dnsClusters: ApiServerTarget[];
  store: FleetStore;
  logger: LoggerService;
  watch?: Partial<WatchSettings>;
  gitRevisions?: GitRevisions;
  onChange?: FleetChangeListener;
}

interface Managed {
  watch: ManagementWatch;
  /** Clusters whose child cluster changed since the last derivation. */
  dirty: Set<string>;
  /** Objects of the management or DNS clusters changed: compare every cluster's inputs. */
  inputsChanged: boolean;
  /** Derive every cluster (the first time, and each resync). */
  everything: boolean;
  inputs: Map<string, string>;
  shared?: string;
  /** What is stored of each cluster, as JSON: held as text, a fraction of the objects' size. */
  details: Map<string, string>;
}

/**
 * Holds the fleet with watches instead of re-listing it: each change marks the cluster it
 * belongs to, and after a short debounce only the clusters whose inputs changed are derived
 * again (with the same pure derivations as a refresh) and stored.
 */
export class LiveFleet {
  private readonly settings: WatchSettings;
  private readonly agents = new AgentPool();
  private readonly kubeconfigs = new KubeconfigCache();
  private readonly managed = new Map<string, Managed>();
  private readonly dns: DnsWatch;
  private git?: GitManifests;
  private timer?: NodeJS.Timeout;
  private resync?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private stopped = false;
  private savedDnsState?: string;

  constructor(private readonly options: LiveFleetOptions) {
    this.settings = {
      ...DEFAULT_WATCH_SETTINGS,
      ...options.watch,
      listLimit: pLimit(Math.max(1, options.concurrency)),
    };
    this.dns = new DnsWatch({
      targets: options.dnsClusters,
      settings: options,
      watch: this.settings,
      agents: this.agents,
      onChange: () => this.markInputsChanged(),
    });
    const revisions =
      options.gitRevisions ??
      (options.gitopsRepository
        ? new LocalGitRevisions(options.gitopsRepository)
        : undefined);
    if (revisions) this.git = new GitManifests(revisions);
  }

  async start(): Promise<void> {
    for (const target of this.options.managementClusters) {
      const details = new Map<string, string>();
      for (const text of await this.options.store.listClusterDetailJson(
        target.id,
      ))
        details.set((JSON.parse(text) as ClusterDetail).id, text);
      const watch = new ManagementWatch({
        target,
        settings: this.options,
        watch: this.settings,
        agents: this.agents,
        kubeconfigs: this.kubeconfigs,
        onChange: key => this.mark(target.id, key),
      });
      this.managed.set(target.id, {
        watch,
        dirty: new Set(),
        inputsChanged: true,
        everything: true,
        inputs: new Map(),
        details,
      });
    }
    await this.dns.start();
    await Promise.all([...this.managed.values()].map(m => m.watch.start()));
    this.resync = setInterval(
      () => this.markAll(),
      this.settings.resyncIntervalMs,
    );
    this.resync.unref();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.resync);
    await this.flushing;
    await Promise.all([
      this.dns.stop(),
      ...[...this.managed.values()].map(m => m.watch.stop()),
    ]);
    this.agents.destroyAll();
  }

  /** Every watch's state, by management cluster, for the API and the logs. */
  states(): Record<string, ResourceWatchState[]> {
    const out: Record<string, ResourceWatchState[]> = {
      dns: this.dns.states(),
    };
    for (const [id, m] of this.managed) {
      out[id] = [
        ...m.watch.states(),
        ...[...m.watch.children.values()].flatMap(c => c.watch.states()),
      ];
    }
    return out;
  }

  /** Resolves once every change seen so far is derived and stored (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.timer || this.flushing) {
      await (this.flushing ?? new Promise(r => setTimeout(r, 5)));
    }
  }

  private mark(managementId: string, key?: string): void {
    const m = this.managed.get(managementId);
    if (!m) return;
    if (key === undefined) m.inputsChanged = true;
    else m.dirty.add(key);
    this.schedule();
  }

  private markInputsChanged(): void {
    for (const m of this.managed.values()) m.inputsChanged = true;
    this.schedule();
  }

  private markAll(): void {
    for (const m of this.managed.values()) m.everything = true;
    this.schedule();
  }

  private schedule(delay = this.settings.debounceMs): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const run = async () => {
        await this.flushing;
        this.flushing = this.flush().finally(() => {
          this.flushing = undefined;
        });
      };
      void run();
    }, delay);
  }

  private async flush(): Promise<void> {
    for (const [id, m] of this.managed) {
      if (!m.everything && !m.inputsChanged && m.dirty.size === 0) continue;
      if (!m.watch.settled() || !this.dns.settled()) {
        // The first lists are on their way: derive once they are all in, not cluster by cluster.
        this.schedule(50);
        continue;
      }
      try {
        await this.deriveManagement(id, m);
      } catch (error) {
        this.options.logger.error(
          `Fleet: the watched fleet of ${id} could not be derived and stored: ${error}`,
        );
        m.everything = true;
        this.schedule(this.settings.backoff.initialMs);
      }
    }
  }

  private async deriveManagement(id: string, m: Managed): Promise<void> {
    const { options } = this;
    const target = options.managementClusters.find(t => t.id === id)!;
    const at = new Date().toISOString();
    const dirty = m.dirty;
    const everything = m.everything;
    const inputsChanged = m.inputsChanged;
    m.dirty = new Set();
    m.everything = false;
    m.inputsChanged = false;
    const view = m.watch.view();
    if (view.kind === 'pending') return;
    if (view.kind === 'failed') {
      const stale = [...m.details.values()].map(text => {
        const detail: ClusterDetail = JSON.parse(text);
        return {
          ...detail,
          read: {
            ...detail.read,
            lastAttemptAt: at,
            stale: true,
            failures: [view.failure],
          },
        };
      });
      await this.save(id, m, stale, [], sourceStatus(target, view.failure, at));
      return;
    }
    m.watch.reconcileChildren(view.read.clusterDeployments);
    const dnsView = this.dns.view(at);
    const warnings: string[] = [];
    // Filled with the stored detail of each cluster just before it is derived again.
    const previous = new Map<string, ClusterDetail>();
    this.git?.beginRefresh();
    const { context, kustomizations, fluxProblem } = buildManagementContext(
      {
        target,
        settings: options,
        agents: this.agents,
        kubeconfigs: this.kubeconfigs,
        now: () => new Date(),
        at,
        git: this.git,
        previous,
      },
      view.read,
      dnsView,
      warnings,
    );
    const shared = `${m.watch.sharedFingerprint()}#${this.dns.phases()}#${
      view.failures.length
    }`;
    const all = everything || shared !== m.shared;
    m.shared = shared;
    const changed: ClusterDetail[] = [];
    const present = new Set<string>();
    for (const cd of view.read.clusterDeployments) {
      if (typeof cd?.metadata?.name !== 'string') continue;
      const ref = clusterRefOf(id, cd);
      const key = clusterKey(ref.namespace, ref.name);
      const child = m.watch.children.get(key);
      if (child) present.add(child.id);
      const inputs =
        all || inputsChanged || !m.inputs.has(key)
          ? clusterInputsFingerprint(context, cd, key)
          : m.inputs.get(key)!;
      if (!all && !dirty.has(key) && m.inputs.get(key) === inputs) continue;
      if (!child) continue;
      const watched = child.watch.view(at);
      if (watched === 'pending') continue;
      m.inputs.set(key, inputs);
      const stored = m.details.get(child.id);
      if (stored) previous.set(child.id, JSON.parse(stored));
      const one = await readOneCluster(
        context,
        cd,
        {},
        {
          value: watched.value,
          failures: [...watched.failures, ...view.failures],
        },
      );
      if (one.warning) warnings.push(one.warning);
      if (one.detail)
        changed.push({
          ...one.detail,
          read: {
            ...one.detail.read,
            watch: child.watch.states().map(watchStatus),
          },
        });
    }
    const removed = [...m.details.keys()].filter(k => !present.has(k));
    for (const warning of warnings) options.logger.warn(`Fleet: ${warning}`);
    // Nothing of this management cluster moved: no write, so the store's version stays.
    if (!all && changed.length === 0 && removed.length === 0) return;
    await this.save(id, m, changed, removed, {
      ...sourceStatus(target, undefined, at),
      kustomizations,
      fluxProblem,
    });
  }

  private async save(
    id: string,
    m: Managed,
    details: ClusterDetail[],
    removed: string[],
    source: Parameters<FleetStore['saveClusterChanges']>[3],
  ): Promise<void> {
    const dnsSources = this.dns.view(
      source.lastSuccessAt ?? source.failure?.at ?? '',
    ).sources;
    const dnsState = JSON.stringify(
      dnsSources.map(d => d.failure?.message ?? ''),
    );
    if (dnsState !== this.savedDnsState) {
      for (const dnsSource of dnsSources)
        await this.options.store.saveSourceStatus(dnsSource);
      this.savedDnsState = dnsState;
    }
    const changed = await this.options.store.saveClusterChanges(
      id,
      details,
      removed,
      source,
    );
    for (const d of details) m.details.set(d.id, JSON.stringify(d));
    for (const r of removed) m.details.delete(r);
    if (changed.length > 0) this.options.onChange?.(changed);
  }
}
