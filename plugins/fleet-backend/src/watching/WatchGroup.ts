import type { KubeConfig } from '@kubernetes/client-node';
import type { AgentPool } from '../reading/AgentPool';
import type { KubeObject, ResourceType } from '../reading/KubeReader';
import { ResourceWatch, type ResourceWatchState } from './ResourceWatch';
import type { WatchSettings } from './watchSettings';

/** One resource watched in one or several namespaces (or all). */
export class WatchGroup {
  private readonly watches: ResourceWatch[];

  constructor(args: {
    kubeConfig: KubeConfig;
    type: ResourceType;
    namespaces: string[] | undefined;
    labelSelector?: string;
    optional: boolean;
    /** In words, e.g. `ClusterDeployments of management cluster mgmt`. */
    resource: string;
    clusterTimeoutMs: number;
    pageSize?: number;
    watch: WatchSettings;
    agents: AgentPool;
    onChange: () => void;
  }) {
    const namespaces = args.namespaces ?? [undefined];
    this.watches = namespaces.map(
      namespace =>
        new ResourceWatch({
          kubeConfig: args.kubeConfig,
          type: args.type,
          namespace,
          labelSelector: args.labelSelector,
          optional: args.optional,
          resource: namespace
            ? `${args.resource} (namespace ${namespace})`
            : args.resource,
          pageSize: args.pageSize,
          maxObjects: args.watch.maxObjects,
          limits: args.watch.limits,
          listTimeoutMs: args.clusterTimeoutMs,
          listLimit: args.watch.listLimit,
          pollIntervalMs: args.watch.pollIntervalMs,
          backoff: args.watch.backoff,
          watchTimeoutSeconds: args.watch.watchTimeoutSeconds,
          agents: args.agents,
          onChange: args.onChange,
          onState: args.onChange,
        }),
    );
  }

  start(): void {
    for (const w of this.watches) w.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.watches.map(w => w.stop()));
  }

  objects(): KubeObject[] {
    return this.watches.flatMap(w => w.objects());
  }

  states(): ResourceWatchState[] {
    return this.watches.map(w => w.state());
  }

  /** Every namespace listed at least once. */
  synced(): boolean {
    return this.watches.every(w => w.state().synced);
  }

  /** Every namespace either listed or failed: nothing is still on its way. */
  settled(): boolean {
    return this.watches.every(
      w => w.state().synced || w.state().phase === 'failed',
    );
  }

  /** The revisions of the objects, for telling whether anything changed. */
  fingerprint(): string {
    return this.objects()
      .map(o => o.metadata?.resourceVersion ?? '')
      .join(',');
  }
}
