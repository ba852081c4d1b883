import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterDetail } from '@fleet-portal/plugin-fleet-common';
import pLimit from 'p-limit';
import { KubeconfigCache } from '../connections/kubeConfigFromSecret';
import type { ApiServerTarget } from '../connections/types';
import { GitManifests } from '../gitops/GitManifests';
import type { GitRevisions } from '../gitops/GitRevisions';
import { LocalGitRevisions } from '../gitops/LocalGitRevisions';
import { AgentPool } from '../reading/AgentPool';
import { classifyReadError } from '../reading/classifyReadError';
import { readManagementCluster } from '../reading/readManagementCluster';
import { withTimeout } from '../reading/withTimeout';
import { buildManagementContext } from './managementContext';
import { readOneCluster } from './readOneCluster';
import { readDnsView, sourceStatus } from './readDnsView';
import { DEFAULT_SYSTEM_NAMESPACE, RegionAccess } from './regionAccess';
import type {
  FleetReading,
  ManagementRead,
  ReadSettings,
} from './FleetReading';

export interface FleetReaderOptions extends ReadSettings {
  managementClusters: ApiServerTarget[];
  dnsClusters: ApiServerTarget[];
  now?: () => Date;
  /** Where Git is read (GitHub mode); by default the local `gitopsRepository`, when set. */
  gitRevisions?: GitRevisions;
}

/**
 * Reads the fleet and derives what each cluster runs; stores nothing. Each cluster is read on
 * its own, with its own timeout and at most `concurrency` at once; a cluster that fails keeps
 * its last good nodes and records, marked stale with the reason, and never holds up the others.
 */
export class FleetReader implements FleetReading {
  private readonly now: () => Date;
  private readonly agents = new AgentPool();
  private readonly kubeconfigs = new KubeconfigCache();
  /** Kept across refreshes: a revision's manifests are built once. */
  private git?: GitManifests;

  constructor(private readonly options: FleetReaderOptions) {
    this.now = options.now ?? (() => new Date());
  }

  private gitManifests(): GitManifests | undefined {
    const { gitRevisions, gitopsRepository } = this.options;
    const revisions =
      gitRevisions ??
      (gitopsRepository ? new LocalGitRevisions(gitopsRepository) : undefined);
    if (revisions) this.git ??= new GitManifests(revisions);
    return this.git;
  }

  async readManagement(
    managementId: string,
    previousJson: string[],
  ): Promise<ManagementRead> {
    const target = this.options.managementClusters.find(
      t => t.id === managementId,
    );
    if (!target) throw new Error(`unknown management cluster ${managementId}`);
    const at = this.now().toISOString();
    const previous = new Map<string, ClusterDetail>();
    for (const text of previousJson) {
      const detail: ClusterDetail = JSON.parse(text);
      previous.set(detail.id, detail);
    }
    try {
      return await this.readWith(target, this.agents, previous, at);
    } finally {
      this.agents.sweep();
    }
  }

  /** Closes the pooled connections to the fleet. */
  close(): void {
    this.agents.destroyAll();
  }

  private async readWith(
    target: ApiServerTarget,
    agents: AgentPool,
    previous: Map<string, ClusterDetail>,
    at: string,
  ): Promise<ManagementRead> {
    const { clusterTimeoutMs } = this.options;
    const warnings: string[] = [];
    const read = (signal: AbortSignal) => ({
      signal,
      pageSize: this.options.pageSize,
      agents,
    });
    let kubeConfig: KubeConfig | undefined;
    const mgmt = await withTimeout(clusterTimeoutMs, async signal => {
      kubeConfig = await target.loadKubeConfig();
      return readManagementCluster(
        kubeConfig,
        target.namespaces,
        read(signal),
        target.fluxNamespaces,
      );
    });
    if (!mgmt.value || !kubeConfig) {
      const failure = classifyReadError(
        mgmt.error,
        `management cluster ${target.id}`,
        at,
        mgmt.timedOut,
      );
      warnings.push(
        `management cluster ${target.id} could not be read: ${failure.reason}: ${failure.message}`,
      );
      const stale = [...previous.values()].map(detail => ({
        ...detail,
        read: {
          ...detail.read,
          lastAttemptAt: at,
          stale: true,
          failures: [failure],
        },
      }));
      return {
        details: stale,
        source: sourceStatus(target, failure, at),
        dnsSources: [],
        failure,
        warnings,
      };
    }

    const dns = await readDnsView(
      this.options.dnsClusters,
      this.options,
      agents,
      at,
    );
    const git = this.gitManifests();
    git?.beginRefresh();
    const { context, kustomizations, fluxProblem } = buildManagementContext(
      {
        target,
        settings: this.options,
        agents,
        kubeconfigs: this.kubeconfigs,
        now: this.now,
        at,
        git,
        previous,
      },
      mgmt.value,
      dns,
      warnings,
    );
    const { clusterDeployments } = mgmt.value;
    const regions = new RegionAccess({
      managementId: target.id,
      managementKubeConfig: kubeConfig,
      systemNamespace: target.systemNamespace ?? DEFAULT_SYSTEM_NAMESPACE,
      settings: this.options,
      agents,
      kubeconfigs: this.kubeconfigs,
      at,
    });
    const limit = pLimit(this.options.concurrency);
    const details = await Promise.all(
      clusterDeployments
        .filter(cd => typeof cd?.metadata?.name === 'string')
        .map(cd =>
          limit(async () => {
            const region = cd.status?.region;
            const one = await readOneCluster(
              context,
              cd,
              typeof region === 'string' && region
                ? { ...(await regions.kubeConfigFor(region)), region }
                : { kubeConfig: kubeConfig! },
            );
            if (one.warning) warnings.push(one.warning);
            return one.detail;
          }),
        ),
    );
    const kept = details.filter((d): d is ClusterDetail => d !== undefined);
    for (const detail of kept) {
      if (detail.read.failures.length === 0) continue;
      const reasons = detail.read.failures
        .map(f => `${f.during}: ${f.reason}`)
        .join('; ');
      warnings.push(`cluster ${detail.id} read incompletely (${reasons})`);
    }
    return {
      details: kept,
      source: {
        ...sourceStatus(target, undefined, at),
        kustomizations,
        fluxProblem,
      },
      dnsSources: dns.sources,
      warnings,
    };
  }
}
