import type { KubeConfig } from '@kubernetes/client-node';
import {
  clusterId,
  type ClusterDetail,
  type ClusterGitops,
  type GitopsProblem,
  type ReadFailure,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeconfigCache } from '../connections/kubeConfigFromSecret';
import type { ApiServerTarget } from '../connections/types';
import { clusterRefOf, deriveCluster } from '../derive/deriveCluster';
import type { DnsAssignment } from '../derive/dnsOwnership';
import { withGitopsProblem } from '../derive/gitopsProblem';
import type { ReadContext } from '../derive/source';
import type { GitManifests } from '../gitops/GitManifests';
import {
  gitComparedObjects,
  withGitDrift,
  withPendingCommits,
} from '../gitops/gitDrift';
import type { AgentPool } from '../reading/AgentPool';
import { classifyReadError } from '../reading/classifyReadError';
import type { KubeObject } from '../reading/KubeReader';
import type { ReadSettings } from './FleetReading';
import { clusterKey, type ManagementIndex } from './managementIndex';
import { readChildView, type ChildView } from './readChildView';
import type { DnsView } from './readDnsView';
import { readStateAfter } from './readStateAfter';

/** What every cluster of one management cluster's read shares. */
export interface ManagementReadContext {
  target: ApiServerTarget;
  settings: ReadSettings;
  agents: AgentPool;
  kubeconfigs: KubeconfigCache;
  now: () => Date;
  at: string;
  managementRead: ReadContext;
  index: ManagementIndex;
  dns: DnsView;
  dnsAssignment: DnsAssignment;
  flux: {
    kustomizations: KubeObject[];
    gitRepositories: KubeObject[];
    statuses: ClusterGitops[];
    problem?: GitopsProblem;
  };
  git?: GitManifests;
  appliedRevisions: Map<string, string>;
  previous: Map<string, ClusterDetail>;
}

/**
 * Reads one cluster (its child API server, through the kubeconfig Secret read from `secretsFrom`:
 * the management cluster, or the cluster of the ClusterDeployment's Region) and
 * derives its detail with the Git comparison. Objects that cannot be interpreted keep the last
 * good detail, marked stale, with a warning.
 */
export async function readOneCluster(
  context: ManagementReadContext,
  cd: KubeObject,
  secretsFrom: {
    kubeConfig?: KubeConfig;
    failure?: ReadFailure;
    /** The Region whose cluster holds the kubeconfig Secret (a regional cluster). */
    region?: string;
  },
  /** The child cluster as its watches hold it; read through the kubeconfig Secret when absent. */
  watched?: { value?: ChildView; failures: ReadFailure[] },
): Promise<{ detail?: ClusterDetail; warning?: string }> {
  const { target, index, dns, at } = context;
  const ref = clusterRefOf(target.id, cd);
  const id = clusterId(ref);
  const k = clusterKey(ref.namespace, ref.name);
  const child =
    watched ??
    (secretsFrom.kubeConfig
      ? await readChildView(
          {
            secretsKubeConfig: secretsFrom.kubeConfig,
            secretsIn: secretsFrom.region
              ? `Region ${secretsFrom.region}`
              : `management cluster ${target.id}`,
            settings: context.settings,
            agents: context.agents,
            kubeconfigs: context.kubeconfigs,
            at: context.now().toISOString(),
          },
          ref.namespace,
          ref.name,
          id,
        )
      : { failures: secretsFrom.failure ? [secretsFrom.failure] : [] });
  const dnsReadable = dns.failures.length === 0;
  const dnsForCluster = dnsReadable
    ? context.dnsAssignment.byCluster.get(k)
    : undefined;
  const failures = [...child.failures, ...dns.failures];
  const prior = context.previous.get(id);
  const vms = index.vmsByCluster.get(k) ?? [];
  try {
    const derived = deriveCluster({
      management: {
        id: target.id,
        demo: target.demo,
        defaultOwner: target.defaultOwner,
      },
      managementRead: context.managementRead,
      clusterDeployment: cd,
      controlPlanes: index.controlPlanesByCluster.get(k) ?? [],
      virtualMachines: vms,
      vmOwnership: index.vmOwnershipByCluster.get(k),
      ownershipProblems: [
        ...(index.ownershipProblemsByCluster.get(k) ?? []),
        ...(context.dnsAssignment.problemsByCluster.get(k) ?? []),
      ],
      vmImages: index.vmImagesByNamespace.get(ref.namespace) ?? new Map(),
      flux: {
        kustomizations: context.flux.kustomizations,
        gitRepositories: context.flux.gitRepositories,
      },
      child: child.value,
      dns: dnsReadable
        ? {
            read: dnsForCluster?.read ?? dns.read[0] ?? context.managementRead,
            records: dnsForCluster?.records ?? [],
            zones: [...(dnsForCluster?.zones ?? [])].sort(),
          }
        : undefined,
      previous: prior,
      readState: readStateAfter(at, failures, prior),
    });
    const checked = await withGitDrift(
      withGitopsProblem(derived, context.flux.problem, context.flux.statuses),
      gitComparedObjects(
        cd,
        vms,
        index.vmImagesByNamespace.get(ref.namespace),
        dnsForCluster?.records.map(r => r.object) ?? [],
      ),
      context.git,
      context.appliedRevisions,
    );
    return { detail: await withPendingCommits(checked, context.git) };
  } catch (error) {
    const failure = classifyReadError(
      error,
      `deriving cluster ${id}`,
      at,
      false,
    );
    return {
      warning: `cluster ${id} returned objects that could not be interpreted: ${failure.message}`,
      detail: prior
        ? {
            ...prior,
            read: {
              ...prior.read,
              lastAttemptAt: at,
              stale: true,
              failures: [...failures, failure],
            },
          }
        : undefined,
    };
  }
}
