import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import type { ReadFailure } from '@fleet-portal/plugin-fleet-common';
import type { KubeconfigCache } from '../connections/kubeConfigFromSecret';
import type { AgentPool } from '../reading/AgentPool';
import { classifyReadError } from '../reading/classifyReadError';
import { KubeReader, type KubeObject } from '../reading/KubeReader';
import { optionalList } from '../reading/optionalList';
import { readKubeconfigSecret } from '../reading/readManagementCluster';
import { REGIONS } from '../reading/resourceTypes';
import { withTimeout } from '../reading/withTimeout';
import type { ReadSettings } from './FleetReading';

/** Where k0rdent keeps a Region's kubeconfig Secret unless the connection says otherwise. */
export const DEFAULT_SYSTEM_NAMESPACE = 'kcm-system';

/** What the child reads of a regional cluster go through: its API server, or why not. */
export interface RegionalKubeConfig {
  kubeConfig?: KubeConfig;
  failure?: ReadFailure;
}

export interface RegionAccessContext {
  managementId: string;
  managementKubeConfig: KubeConfig;
  systemNamespace: string;
  settings: ReadSettings;
  agents: AgentPool;
  kubeconfigs: KubeconfigCache;
  at: string;
}

function decodeSecretKey(secret: KubeObject, key: string): string | undefined {
  const data = (secret as { data?: Record<string, unknown> }).data;
  const value = data?.[key];
  return typeof value === 'string'
    ? Buffer.from(value, 'base64').toString('utf8')
    : undefined;
}

function objectRef(value: unknown): {
  name?: string;
  namespace?: string;
  key?: string;
} {
  return value && typeof value === 'object'
    ? (value as { name?: string; namespace?: string; key?: string })
    : {};
}

/**
 * Reaches the regional clusters of one management cluster, as k0rdent does: a ClusterDeployment
 * with `status.region` keeps its kubeconfig Secret in that Region's cluster, which is reached
 * through the Region's `spec.kubeConfig` Secret (in the system namespace) or the kubeconfig of the
 * ClusterDeployment it onboarded (`spec.clusterDeployment`). Each Region is resolved once per
 * refresh, however many clusters live in it.
 */
export class RegionAccess {
  private regions?: Promise<{ objects: KubeObject[]; failure?: ReadFailure }>;
  private readonly resolved = new Map<string, Promise<RegionalKubeConfig>>();

  constructor(private readonly context: RegionAccessContext) {}

  kubeConfigFor(region: string): Promise<RegionalKubeConfig> {
    let pending = this.resolved.get(region);
    if (!pending) {
      pending = this.resolve(region);
      this.resolved.set(region, pending);
    }
    return pending;
  }

  private listRegions(): Promise<{
    objects: KubeObject[];
    failure?: ReadFailure;
  }> {
    const { settings, agents, at, managementId } = this.context;
    this.regions ??= withTimeout(settings.clusterTimeoutMs, signal =>
      optionalList(() =>
        new KubeReader(this.context.managementKubeConfig, {
          signal,
          pageSize: settings.pageSize,
          agents,
        }).listCustom(REGIONS, undefined),
      ),
    ).then(result =>
      result.value
        ? { objects: result.value }
        : {
            objects: [],
            failure: classifyReadError(
              result.error,
              `listing the Regions of management cluster ${managementId}`,
              at,
              result.timedOut,
            ),
          },
    );
    return this.regions;
  }

  private async resolve(regionName: string): Promise<RegionalKubeConfig> {
    const { at, managementId, settings, agents, systemNamespace } =
      this.context;
    const regions = await this.listRegions();
    if (regions.failure) return { failure: regions.failure };
    const region = regions.objects.find(r => r.metadata?.name === regionName);
    const during = `reaching Region ${regionName}`;
    if (!region) {
      return {
        failure: {
          reason: 'not-found',
          message: `the ClusterDeployment names Region ${regionName}, which management cluster ${managementId} does not hold`,
          during,
          at,
        },
      };
    }
    const spec = (region.spec ?? {}) as Record<string, unknown>;
    const bySecret = objectRef(spec.kubeConfig);
    const byCluster = objectRef(spec.clusterDeployment);
    const where = bySecret.name
      ? `Secret ${systemNamespace}/${bySecret.name} (key ${
          bySecret.key ?? 'value'
        })`
      : `Secret ${byCluster.namespace}/${byCluster.name}-kubeconfig of the onboarded ClusterDeployment`;
    if (!bySecret.name && !(byCluster.name && byCluster.namespace)) {
      return {
        failure: {
          reason: 'malformed-response',
          message: `Region ${regionName} names neither spec.kubeConfig nor spec.clusterDeployment`,
          during,
          at,
        },
      };
    }
    const result = await withTimeout(
      settings.clusterTimeoutMs,
      async signal => {
        const read = { signal, pageSize: settings.pageSize, agents };
        if (bySecret.name) {
          const secret = await new KubeReader(
            this.context.managementKubeConfig,
            read,
          ).readSecret(systemNamespace, bySecret.name);
          return decodeSecretKey(secret, bySecret.key ?? 'value');
        }
        return readKubeconfigSecret(
          this.context.managementKubeConfig,
          byCluster.namespace!,
          byCluster.name!,
          read,
        );
      },
    );
    const missing =
      (result.error instanceof ApiException && result.error.code === 404) ||
      (!result.error && !result.timedOut && result.value === undefined);
    if (missing) {
      return {
        failure: {
          reason: 'kubeconfig-missing',
          message: `Region ${regionName}'s kubeconfig, ${where}, was not found`,
          during,
          at,
        },
      };
    }
    if (result.value === undefined) {
      return {
        failure: classifyReadError(
          result.error,
          `${during} through ${where}`,
          at,
          result.timedOut,
        ),
      };
    }
    try {
      return {
        kubeConfig: this.context.kubeconfigs.get(result.value).kubeConfig,
      };
    } catch (error) {
      return {
        failure: classifyReadError(
          error,
          `${during}: checking the kubeconfig in ${where}`,
          at,
          false,
        ),
      };
    }
  }
}
