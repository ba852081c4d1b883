import type { KubeConfig } from '@kubernetes/client-node';
import { clusterId, type ReadFailure } from '@fleet-portal/plugin-fleet-common';
import type { KubeconfigCache } from '../connections/kubeConfigFromSecret';
import type { ApiServerTarget } from '../connections/types';
import { clusterRefOf } from '../derive/deriveCluster';
import type { AgentPool } from '../reading/AgentPool';
import { classifyReadError } from '../reading/classifyReadError';
import type { KubeObject, ResourceType } from '../reading/KubeReader';
import {
  DEFAULT_FLUX_NAMESPACES,
  type ManagementClusterRead,
} from '../reading/readManagementCluster';
import {
  CLUSTER_DEPLOYMENTS,
  FLUX_GIT_REPOSITORIES,
  FLUX_KUSTOMIZATIONS,
  K0S_CONTROL_PLANES,
  K0SMOTRON_CONTROL_PLANES,
  VIRTUAL_MACHINES,
  VM_IMAGES,
} from '../reading/resourceTypes';
import type { ReadSettings } from '../service/FleetReading';
import { clusterKey } from '../service/managementIndex';
import {
  DEFAULT_SYSTEM_NAMESPACE,
  RegionAccess,
} from '../service/regionAccess';
import { ChildWatch } from './ChildWatch';
import type { ResourceWatchState } from './ResourceWatch';
import { watchFailure } from './watchFailure';
import { WatchGroup } from './WatchGroup';
import type { WatchSettings } from './watchSettings';

export interface ManagementWatchOptions {
  target: ApiServerTarget;
  settings: ReadSettings;
  watch: WatchSettings;
  agents: AgentPool;
  kubeconfigs: KubeconfigCache;
  /** A change of one fleet cluster's own objects (by cluster key), or of shared ones (none). */
  onChange: (cluster?: string) => void;
}

/** What the management cluster's watches hold now. */
export type ManagementView =
  | { kind: 'pending' }
  | { kind: 'failed'; failure: ReadFailure }
  | {
      kind: 'ready';
      read: ManagementClusterRead;
      /** Watches of the management cluster that failed: every cluster shows them. */
      failures: ReadFailure[];
    };

/**
 * Watches one k0rdent management cluster's objects, and each of its fleet clusters through a
 * ChildWatch started when its ClusterDeployment appears and stopped when it goes.
 */
export class ManagementWatch {
  private kubeConfig?: KubeConfig;
  private loadFailure?: ReadFailure;
  private groups?: {
    clusterDeployments: WatchGroup;
    optional: WatchGroup[];
    flux: WatchGroup[];
  };
  readonly children = new Map<string, { id: string; watch: ChildWatch }>();

  constructor(private readonly options: ManagementWatchOptions) {}

  async start(): Promise<void> {
    const { target, settings, watch, agents } = this.options;
    try {
      this.kubeConfig = await target.loadKubeConfig();
    } catch (error) {
      this.loadFailure = classifyReadError(
        error,
        `management cluster ${target.id}`,
        new Date().toISOString(),
        false,
      );
      return;
    }
    const group = (
      type: ResourceType,
      what: string,
      optional: boolean,
      namespaces = target.namespaces,
    ) =>
      new WatchGroup({
        kubeConfig: this.kubeConfig!,
        type,
        namespaces,
        optional,
        resource: `${what} of management cluster ${target.id}`,
        clusterTimeoutMs: settings.clusterTimeoutMs,
        pageSize: settings.pageSize,
        watch,
        agents,
        onChange: () => this.options.onChange(),
      });
    const fluxNamespaces = target.fluxNamespaces ?? DEFAULT_FLUX_NAMESPACES;
    this.groups = {
      clusterDeployments: group(
        CLUSTER_DEPLOYMENTS,
        'ClusterDeployments',
        false,
      ),
      optional: [
        group(K0S_CONTROL_PLANES, 'K0sControlPlanes', true),
        group(K0SMOTRON_CONTROL_PLANES, 'K0smotronControlPlanes', true),
        group(VIRTUAL_MACHINES, 'VirtualMachines', true),
        group(VM_IMAGES, 'VMImages', true),
      ],
      flux: [
        group(FLUX_KUSTOMIZATIONS, 'Flux Kustomizations', true, fluxNamespaces),
        group(
          FLUX_GIT_REPOSITORIES,
          'Flux GitRepositories',
          true,
          fluxNamespaces,
        ),
      ],
    };
    for (const g of this.allGroups()) g.start();
  }

  async stop(): Promise<void> {
    await Promise.all([
      ...this.allGroups().map(g => g.stop()),
      ...[...this.children.values()].map(c => c.watch.stop()),
    ]);
    this.children.clear();
  }

  private allGroups(): WatchGroup[] {
    const g = this.groups;
    return g ? [g.clusterDeployments, ...g.optional, ...g.flux] : [];
  }

  states(): ResourceWatchState[] {
    return this.allGroups().flatMap(g => g.states());
  }

  /** Every list has settled (or the per-cluster timeout passed): the first derivation can run. */
  settled(): boolean {
    if (this.loadFailure) return true;
    return (
      this.allGroups().every(g => g.settled()) &&
      [...this.children.values()].every(c => !c.watch.pending())
    );
  }

  /**
   * What every cluster of this management cluster shows alike: Flux's objects and whether each
   * watch works. (Each cluster's own objects are compared cluster by cluster.)
   */
  sharedFingerprint(): string {
    const flux = (this.groups?.flux ?? []).map(g => g.fingerprint()).join(';');
    const phases = this.allGroups()
      .flatMap(g => g.states().map(s => s.phase))
      .join();
    return `${flux}#${phases}`;
  }

  view(): ManagementView {
    const groups = this.groups;
    if (this.loadFailure) return { kind: 'failed', failure: this.loadFailure };
    if (!groups) return { kind: 'pending' };
    const cds = groups.clusterDeployments;
    if (!cds.synced()) {
      const failed = cds
        .states()
        .map(watchFailure)
        .find(f => f);
      if (failed) return { kind: 'failed', failure: failed };
      // The list has its own timeout: it either lands or fails soon.
      return { kind: 'pending' };
    }
    const [k0s, k0smotron, vms, images] = groups.optional;
    const [kustomizations, gitRepositories] = groups.flux;
    const fluxFailure = groups.flux
      .flatMap(g => g.states())
      .map(watchFailure)
      .find(f => f);
    return {
      kind: 'ready',
      read: {
        clusterDeployments: cds.objects(),
        controlPlanes: [...k0s.objects(), ...k0smotron.objects()],
        virtualMachines: vms.objects(),
        vmImages: images.objects(),
        fluxKustomizations: fluxFailure ? [] : kustomizations.objects(),
        gitRepositories: fluxFailure ? [] : gitRepositories.objects(),
        fluxError: fluxFailure?.message,
      },
      failures: [...cds.states(), ...groups.optional.flatMap(g => g.states())]
        .map(watchFailure)
        .filter((f): f is ReadFailure => f !== undefined),
    };
  }

  /** Starts watching clusters that appeared and stops those gone. */
  reconcileChildren(clusterDeployments: KubeObject[]): void {
    const { target } = this.options;
    const wanted = new Map<string, KubeObject>();
    for (const cd of clusterDeployments) {
      if (typeof cd?.metadata?.name !== 'string') continue;
      const ref = clusterRefOf(target.id, cd);
      wanted.set(clusterKey(ref.namespace, ref.name), cd);
    }
    for (const [key, child] of this.children)
      if (!wanted.has(key)) {
        void child.watch.stop();
        this.children.delete(key);
      }
    for (const [key, cd] of wanted) {
      if (this.children.has(key)) continue;
      const ref = clusterRefOf(target.id, cd);
      const region =
        typeof cd.status?.region === 'string' && cd.status.region
          ? (cd.status.region as string)
          : undefined;
      const watch = new ChildWatch({
        id: clusterId(ref),
        namespace: ref.namespace,
        name: ref.name,
        secrets: () => this.secretsSource(region),
        clusterTimeoutMs: this.options.settings.clusterTimeoutMs,
        pageSize: this.options.settings.pageSize,
        watch: this.options.watch,
        agents: this.options.agents,
        kubeconfigs: this.options.kubeconfigs,
        onChange: () => this.options.onChange(key),
      });
      this.children.set(key, { id: clusterId(ref), watch });
      watch.start();
    }
  }

  private async secretsSource(region: string | undefined) {
    const { target, settings, agents, kubeconfigs } = this.options;
    if (!region)
      return {
        kubeConfig: this.kubeConfig,
        secretsIn: `management cluster ${target.id}`,
      };
    const access = new RegionAccess({
      managementId: target.id,
      managementKubeConfig: this.kubeConfig!,
      systemNamespace: target.systemNamespace ?? DEFAULT_SYSTEM_NAMESPACE,
      settings,
      agents,
      kubeconfigs,
      at: new Date().toISOString(),
    });
    return {
      ...(await access.kubeConfigFor(region)),
      secretsIn: `Region ${region}`,
    };
  }
}
