import {
  DEFAULT_DNS_OWNERSHIP_RULES,
  type ClusterDetail,
  type ClusterGitops,
  type GitopsProblem,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeconfigCache } from '../connections/kubeConfigFromSecret';
import type { ApiServerTarget } from '../connections/types';
import { kustomizationStatus } from '../derive/deriveGitops';
import { assignDnsRecords } from '../derive/dnsOwnership';
import type { ReadContext } from '../derive/source';
import type { GitManifests } from '../gitops/GitManifests';
import { appliedRevisionsByObject } from '../gitops/gitDrift';
import type { AgentPool } from '../reading/AgentPool';
import type { ManagementClusterRead } from '../reading/readManagementCluster';
import type { ReadSettings } from './FleetReading';
import { indexManagementObjects } from './managementIndex';
import type { ManagementReadContext } from './readOneCluster';
import type { DnsView } from './readDnsView';

/** What a management cluster's context is built from, besides its objects. */
export interface ManagementContextInputs {
  target: ApiServerTarget;
  settings: ReadSettings;
  agents: AgentPool;
  kubeconfigs: KubeconfigCache;
  now: () => Date;
  at: string;
  git?: GitManifests;
  previous: Map<string, ClusterDetail>;
}

/**
 * Indexes one management cluster's objects (as listed, or as held by its watches) with the DNS
 * records and Flux's state into what every one of its clusters is derived from. Pure but for
 * the warnings it appends.
 */
export function buildManagementContext(
  inputs: ManagementContextInputs,
  mgmt: ManagementClusterRead,
  dns: DnsView,
  warnings: string[],
): {
  context: ManagementReadContext;
  kustomizations: ClusterGitops[];
  fluxProblem?: GitopsProblem;
} {
  const { target, at, git } = inputs;
  const managementRead: ReadContext = {
    readFrom: { scope: 'management', cluster: target.id },
    readAt: at,
  };
  const { fluxKustomizations, gitRepositories, fluxError } = mgmt;
  const fluxProblem = fluxError
    ? {
        during: `reading Flux objects of management cluster ${target.id}`,
        message: fluxError,
        at,
      }
    : undefined;
  if (fluxError)
    warnings.push(
      `Flux objects of management cluster ${target.id} could not be read, so no cluster shows its Git/Flux state: ${fluxError}`,
    );
  const kustomizations = fluxKustomizations.map(k =>
    kustomizationStatus(k, gitRepositories, managementRead),
  );
  for (const k of kustomizations)
    if (k.inventoryProblem)
      warnings.push(
        `Flux Kustomization ${k.kustomization.namespace}/${k.kustomization.name} of ${target.id} has a malformed inventory: ${k.inventoryProblem}`,
      );
  const context: ManagementReadContext = {
    target,
    settings: inputs.settings,
    agents: inputs.agents,
    kubeconfigs: inputs.kubeconfigs,
    now: inputs.now,
    at,
    managementRead,
    index: indexManagementObjects({
      controlPlanes: mgmt.controlPlanes,
      virtualMachines: mgmt.virtualMachines,
      vmImages: mgmt.vmImages,
    }),
    dns,
    dnsAssignment: assignDnsRecords(
      dns.records,
      mgmt.clusterDeployments,
      inputs.settings.dnsOwnership ?? DEFAULT_DNS_OWNERSHIP_RULES,
    ),
    flux: {
      kustomizations: fluxKustomizations,
      gitRepositories,
      statuses: kustomizations,
      problem: fluxProblem,
    },
    git,
    appliedRevisions: git
      ? appliedRevisionsByObject(fluxKustomizations)
      : new Map<string, string>(),
    previous: inputs.previous,
  };
  return { context, kustomizations, fluxProblem };
}
