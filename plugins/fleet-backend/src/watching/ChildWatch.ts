import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import type { ReadFailure } from '@fleet-portal/plugin-fleet-common';
import type {
  ChildApiServer,
  KubeconfigCache,
} from '../connections/kubeConfigFromSecret';
import type { AgentPool } from '../reading/AgentPool';
import { classifyReadError } from '../reading/classifyReadError';
import { incompleteNodesOf } from '../reading/readChildCluster';
import { readKubeconfigSecret } from '../reading/readManagementCluster';
import { NODE_OP_UPGRADES } from '../reading/resourceTypes';
import { withTimeout } from '../reading/withTimeout';
import {
  incompleteNodesFailures,
  type ChildView,
} from '../service/readChildView';
import { jitteredBackoff } from './backoff';
import { WakeableSleep } from './WakeableSleep';
import { ResourceWatch, type ResourceWatchState } from './ResourceWatch';
import { trimNode } from './trimObjects';
import { watchFailure } from './watchFailure';
import type { WatchSettings } from './watchSettings';

/** Where a child cluster's kubeconfig Secret is read: the management or a regional cluster. */
export interface SecretsSource {
  kubeConfig?: KubeConfig;
  failure?: ReadFailure;
  /** In words, for messages. */
  secretsIn: string;
}

export interface ChildWatchOptions {
  id: string;
  namespace: string;
  name: string;
  secrets: () => Promise<SecretsSource>;
  clusterTimeoutMs: number;
  pageSize?: number;
  watch: WatchSettings;
  agents: AgentPool;
  kubeconfigs: KubeconfigCache;
  onChange: () => void;
  now?: () => Date;
}

/** What a child cluster's watches hold now; `pending` until its first list settled. */
export type ChildWatchView =
  | 'pending'
  | { value?: ChildView; failures: ReadFailure[] };

/**
 * Watches one child cluster's nodes and Kairos NodeOpUpgrades through the kubeconfig Secret
 * k0rdent keeps for it; reconnects (reading the Secret again) when the credentials stop working.
 */
export class ChildWatch {
  private nodes?: ResourceWatch;
  private upgrades?: ResourceWatch;
  private apiServer?: ChildApiServer;
  private connectFailure?: ReadFailure;
  private stopped = false;
  private readonly waiting = new WakeableSleep();
  private reconnecting = false;
  private lastReconnectAt = 0;
  private secretValue?: string;
  private readonly now: () => Date;

  constructor(private readonly options: ChildWatchOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    void this.connectLoop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting.wake();
    await Promise.all([this.nodes?.stop(), this.upgrades?.stop()]);
  }

  states(): ResourceWatchState[] {
    return [this.nodes?.state(), this.upgrades?.state()].filter(
      (s): s is ResourceWatchState => s !== undefined,
    );
  }

  /**
   * Whether the first list has not settled yet (no objects, no failure). Every list and Secret
   * read has its own timeout: nothing stays pending for long.
   */
  pending(): boolean {
    const nodes = this.nodes?.state();
    if (this.connectFailure && !nodes?.synced) return false;
    return !nodes || (!nodes.synced && nodes.phase !== 'failed');
  }

  view(at: string): ChildWatchView {
    const { options } = this;
    const nodes = this.nodes?.state();
    if (this.connectFailure && !nodes?.synced)
      return { failures: [this.connectFailure] };
    if (!nodes || this.pending()) return 'pending';
    const failures = [
      this.connectFailure,
      watchFailure(nodes),
      this.upgrades ? watchFailure(this.upgrades.state()) : undefined,
    ].filter((f): f is ReadFailure => f !== undefined);
    if (!nodes.synced) return { failures };
    const nodeObjects = this.nodes!.objects();
    return {
      value: {
        read: { readFrom: { scope: 'child', cluster: options.id }, readAt: at },
        nodes: nodeObjects,
        nodeOpUpgrades: this.upgrades?.objects() ?? [],
        apiServer: this.apiServer!,
      },
      failures: [
        ...failures,
        ...incompleteNodesFailures(
          incompleteNodesOf(nodeObjects),
          nodeObjects.length,
          at,
        ),
      ],
    };
  }

  private sleep(ms: number): Promise<void> {
    return this.waiting.sleep(ms);
  }

  private async connectLoop(): Promise<void> {
    const { options } = this;
    for (let attempt = 1; !this.stopped; attempt++) {
      const failure = await this.connect();
      if (this.stopped) return;
      if (!failure) return;
      const changed = failure.message !== this.connectFailure?.message;
      this.connectFailure = failure;
      if (changed) options.onChange();
      await this.sleep(
        jitteredBackoff(attempt, options.watch.backoff, Math.random),
      );
    }
  }

  /** Reads the Secret and starts the watches; the failure when that could not be done. */
  private async connect(): Promise<ReadFailure | undefined> {
    const { options } = this;
    const at = this.now().toISOString();
    const source = await options.secrets();
    if (!source.kubeConfig)
      return (
        source.failure ?? {
          reason: 'kubeconfig-missing',
          message: `no cluster holds the kubeconfig Secret of ${options.id}`,
          during: 'reading the kubeconfig Secret',
          at,
        }
      );
    const limit = options.watch.listLimit ?? (run => run());
    const secret = await limit(() =>
      withTimeout(options.clusterTimeoutMs, signal =>
        readKubeconfigSecret(
          source.kubeConfig!,
          options.namespace,
          options.name,
          {
            signal,
            agents: options.agents,
          },
        ).catch(error => {
          if (error instanceof ApiException && error.code === 404)
            return undefined;
          throw error;
        }),
      ),
    );
    if (secret.error || secret.timedOut)
      return classifyReadError(
        secret.error,
        'reading the kubeconfig Secret',
        at,
        secret.timedOut,
      );
    if (secret.value === undefined)
      return {
        reason: 'kubeconfig-missing',
        message: `Secret ${options.namespace}/${options.name}-kubeconfig was not found in ${source.secretsIn}`,
        during: 'reading the kubeconfig Secret',
        at,
      };
    let kubeConfig: KubeConfig;
    try {
      const built = options.kubeconfigs.get(secret.value);
      this.secretValue = secret.value;
      kubeConfig = built.kubeConfig;
      this.apiServer = built.apiServer;
    } catch (error) {
      return classifyReadError(error, 'checking the kubeconfig', at, false);
    }
    const common = {
      kubeConfig,
      pageSize: options.pageSize,
      maxObjects: options.watch.maxObjects,
      limits: options.watch.limits,
      listTimeoutMs: options.clusterTimeoutMs,
      listLimit: options.watch.listLimit,
      pollIntervalMs: options.watch.pollIntervalMs,
      backoff: options.watch.backoff,
      watchTimeoutSeconds: options.watch.watchTimeoutSeconds,
      agents: options.agents,
      now: this.now,
      onChange: options.onChange,
      onState: (state: ResourceWatchState) => {
        options.onChange();
        if (state.phase === 'failed' && state.reason === 'unauthorized')
          void this.reconnect();
      },
    };
    this.connectFailure = undefined;
    this.nodes = new ResourceWatch({
      ...common,
      transform: trimNode,
      type: 'nodes',
      resource: `nodes of cluster ${options.id}`,
    });
    this.upgrades = new ResourceWatch({
      ...common,
      type: NODE_OP_UPGRADES,
      optional: true,
      resource: `NodeOpUpgrades of cluster ${options.id}`,
    });
    this.nodes.start();
    this.upgrades.start();
    return undefined;
  }

  /**
   * Credentials refused: the Secret may have been rotated. It is read again (at most once per
   * back-off ceiling) and the watches restart only when it holds another kubeconfig; otherwise
   * the watches keep retrying with their own back-off and keep reporting the refusal.
   */
  private async reconnect(): Promise<void> {
    const { options } = this;
    if (this.reconnecting || this.stopped) return;
    if (Date.now() - this.lastReconnectAt < options.watch.backoff.maxMs) return;
    this.reconnecting = true;
    this.lastReconnectAt = Date.now();
    try {
      const source = await options.secrets();
      if (!source.kubeConfig) return;
      const secret = await withTimeout(options.clusterTimeoutMs, signal =>
        readKubeconfigSecret(
          source.kubeConfig!,
          options.namespace,
          options.name,
          { signal, agents: options.agents },
        ),
      );
      if (!secret.value || secret.value === this.secretValue || this.stopped)
        return;
      await Promise.all([this.nodes?.stop(), this.upgrades?.stop()]);
      this.nodes = undefined;
      this.upgrades = undefined;
      await this.connectLoop();
    } finally {
      this.reconnecting = false;
    }
  }
}
