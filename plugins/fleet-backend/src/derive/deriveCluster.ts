import {
  clusterId,
  countServices,
  FLEET_ANNOTATIONS,
  type ClusterDetail,
  type ClusterInventoryItem,
  type ClusterRef,
  type DnsRecordKind,
  type DnsRecordOwnership,
  type Figure,
  type ImageUsage,
  type NodeStatus,
  type ReadState,
  type VmOwnershipRule,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';
import { deriveDnsRecord, sortRecords } from './deriveDnsRecord';
import { deriveDrift } from './deriveDrift';
import { deriveGitops, gitopsDrift } from './deriveGitops';
import { deriveHealth } from './deriveHealth';
import { deriveK0sVersions } from './deriveK0sVersions';
import { deriveNode } from './deriveNode';
import { deriveServices } from './deriveServices';
import { vmImageReference } from './deriveNodeImage';
import { matchNodesToVms } from './matchNodesToVms';
import { ReadContext, sourceOf, stringOrUndefined } from './source';

/** Everything read about one cluster, from the three kinds of API server. */
export interface ClusterInputs {
  management: { id: string; demo: boolean; defaultOwner?: string };
  managementRead: ReadContext;
  clusterDeployment: KubeObject;
  /** K0sControlPlane / K0smotronControlPlane objects labelled with this cluster's name. */
  controlPlanes: KubeObject[];
  /** VirtualMachines of this cluster, in its namespace (see vmOwner). */
  virtualMachines: KubeObject[];
  /** Why each of them belongs to the cluster, by VM name. */
  vmOwnership?: Map<string, VmOwnershipRule>;
  /** Objects whose cluster could not be told, naming this one among others. */
  ownershipProblems?: string[];
  /** VMImages of the cluster's namespace, by name. */
  vmImages: Map<string, KubeObject>;
  /** Flux's Kustomizations and GitRepositories of the management cluster. */
  flux?: { kustomizations: KubeObject[]; gitRepositories: KubeObject[] };
  child?: {
    read: ReadContext;
    nodes: KubeObject[];
    nodeOpUpgrades: KubeObject[];
    apiServer: { server: string; caData?: string };
  };
  dns?: {
    read: ReadContext;
    records: Array<{
      kind: DnsRecordKind;
      object: KubeObject;
      ownedBy?: DnsRecordOwnership;
    }>;
    zones: string[];
  };
  /** The last good detail: its nodes and records stand in for a part that could not be read now. */
  previous?: ClusterDetail;
  readState: ReadState;
}

export function clusterRefOf(
  managementId: string,
  clusterDeployment: KubeObject,
): ClusterRef {
  return {
    management: managementId,
    namespace: clusterDeployment.metadata?.namespace ?? 'default',
    name: clusterDeployment.metadata?.name ?? 'unknown',
  };
}

/**
 * The desired Kairos image of a cluster: the VMImage the ClusterDeployment's
 * `fleetportal.io/vmimage` annotation names; without it, the one VMImage all its VMs share.
 */
export function deriveDesiredImage(
  inputs: ClusterInputs,
): Figure<string> | undefined {
  const cd = inputs.clusterDeployment;
  const named = stringOrUndefined(
    cd.metadata?.annotations?.[FLEET_ANNOTATIONS.desiredImage],
  );
  const imageNames = named
    ? [named]
    : [
        ...new Set(
          inputs.virtualMachines
            .map(vm => stringOrUndefined(vm.spec?.imageRef?.name))
            .filter(Boolean),
        ),
      ];
  if (imageNames.length !== 1) return undefined;
  const vmImage = inputs.vmImages.get(imageNames[0]!);
  const pinned = vmImage ? vmImageReference(vmImage) : undefined;
  if (!vmImage || !pinned) return undefined;
  return {
    value: pinned.reference,
    source: sourceOf(vmImage, inputs.managementRead, pinned.field),
  };
}

function imageUsage(nodes: NodeStatus[]): ImageUsage[] {
  const byReference = new Map<string, ImageUsage>();
  for (const node of nodes) {
    if (!node.image.known) continue;
    const usage = byReference.get(node.image.reference) ?? {
      reference: node.image.reference,
      digest: node.image.digest,
      nodes: [],
    };
    usage.nodes.push(node.name);
    byReference.set(node.image.reference, usage);
  }
  return [...byReference.values()].sort(
    (a, b) =>
      b.nodes.length - a.nodes.length || a.reference.localeCompare(b.reference),
  );
}

export function deriveCluster(inputs: ClusterInputs): ClusterDetail {
  const cd = inputs.clusterDeployment;
  const ref = clusterRefOf(inputs.management.id, cd);
  const vmMatches = inputs.child
    ? matchNodesToVms(inputs.child.nodes, inputs.virtualMachines)
    : undefined;
  const nodeStatuses = !inputs.child
    ? inputs.previous?.nodeStatuses ?? []
    : inputs.child.nodes
        .map(node => {
          const answer = vmMatches!.get(node.metadata?.name ?? '') ?? {};
          const vm = answer.vm;
          const imageName = stringOrUndefined(vm?.spec?.imageRef?.name);
          return {
            ...deriveNode({
              node,
              childRead: inputs.child!.read,
              virtualMachine: vm,
              vmImage: imageName ? inputs.vmImages.get(imageName) : undefined,
              managementRead: inputs.managementRead,
              nodeOpUpgrades: inputs.child!.nodeOpUpgrades,
              vmMatchProblem: answer.problem,
            }),
            vmMatch: answer.match,
            vmMatchProblem: answer.problem,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
  const nodeOfVm = new Map(
    nodeStatuses
      .filter(n => n.virtualMachine)
      .map(n => [n.virtualMachine!.name, n.name]),
  );
  const dnsRecords = !inputs.dns
    ? inputs.previous?.dnsRecords ?? []
    : sortRecords(
        inputs.dns.records.map(({ kind, object, ownedBy }) => ({
          ...deriveDnsRecord(kind, object, inputs.dns!.read),
          ownedBy,
        })),
      );
  const health = deriveHealth(cd, inputs.managementRead);
  const k0sVersions = deriveK0sVersions(
    cd,
    inputs.controlPlanes,
    nodeStatuses,
    inputs.managementRead,
  );
  const desiredImageFigure = deriveDesiredImage(inputs);
  const services = deriveServices(cd, inputs.managementRead);
  const gitops = inputs.flux
    ? deriveGitops(
        cd,
        inputs.flux.kustomizations,
        inputs.flux.gitRepositories,
        inputs.managementRead,
      )
    : undefined;
  const drift = deriveDrift({
    health,
    desiredImage: desiredImageFigure?.value,
    nodes: nodeStatuses,
    k0s: k0sVersions,
    dnsRecords,
    services,
  });
  const labels = cd.metadata?.labels ?? {};

  return {
    id: clusterId(ref),
    ref,
    demo: inputs.management.demo,
    template: stringOrUndefined(cd.spec?.template),
    credential: stringOrUndefined(cd.spec?.credential),
    region: stringOrUndefined(cd.status?.region),
    owner:
      stringOrUndefined(cd.metadata?.annotations?.[FLEET_ANNOTATIONS.owner]) ??
      inputs.management.defaultOwner,
    labels: { ...labels },
    apiServer: inputs.child?.apiServer.server ?? inputs.previous?.apiServer,
    apiServerCaData: inputs.child
      ? inputs.child.apiServer.caData
      : inputs.previous?.apiServerCaData,
    health,
    k0s: {
      desired: k0sVersions.desired?.value,
      exactBuild: k0sVersions.exactBuild?.value,
      running: k0sVersions.running.map(g => g.version),
      availableUpgrades: k0sVersions.availableUpgrades?.value ?? [],
    },
    desiredImage: desiredImageFigure?.value,
    desiredImageFigure,
    images: imageUsage(nodeStatuses),
    nodes: {
      total: nodeStatuses.length,
      ready: nodeStatuses.filter(n => n.ready).length,
      unknownImage: nodeStatuses.filter(n => !n.image.known).length,
    },
    dns: {
      total: dnsRecords.length,
      synced: dnsRecords.filter(r => r.synced).length,
    },
    serviceCounts: countServices(services),
    gitops,
    drift: [...drift, ...gitopsDrift(gitops)],
    read: inputs.readState,
    k0sVersions,
    nodeStatuses,
    dnsRecords,
    services,
    virtualMachines: inputs.virtualMachines
      .map(vm => ({
        namespace: vm.metadata?.namespace ?? '',
        name: vm.metadata?.name ?? '',
        image: stringOrUndefined(vm.spec?.imageRef?.name),
        phase: stringOrUndefined(vm.status?.phase),
        node: nodeOfVm.get(vm.metadata?.name ?? ''),
        ownedBy: inputs.vmOwnership?.get(vm.metadata?.name ?? ''),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    zones: inputs.dns?.zones ?? inputs.previous?.zones ?? [],
    ownershipProblems: inputs.ownershipProblems?.length
      ? [...inputs.ownershipProblems].sort()
      : undefined,
  };
}

/** The list view of a cluster: the detail without per-node and per-record arrays. */
export function toSummary(detail: ClusterDetail) {
  const {
    desiredImageFigure: _f,
    k0sVersions: _k,
    nodeStatuses: _n,
    dnsRecords: _d,
    services: _s,
    virtualMachines: _v,
    zones: _z,
    apiServerCaData: _c,
    ownershipProblems: _o,
    ...summary
  } = detail;
  return summary;
}

export function toInventoryItem(detail: ClusterDetail): ClusterInventoryItem {
  return {
    id: detail.id,
    ref: detail.ref,
    demo: detail.demo,
    owner: detail.owner,
    template: detail.template,
    labels: detail.labels,
    apiServer: detail.apiServer,
    apiServerCaData: detail.apiServerCaData,
    virtualMachines: detail.virtualMachines,
    zones: detail.zones,
  };
}
