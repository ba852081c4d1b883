import {
  clusterDeploymentPath,
  dnsRecordPath,
  dnsZonePath,
  ensureLocalRepository,
  FileMap,
  imagePath,
  joinTokenVariable,
  buildCloudConfigText,
  LocalRepository,
  repositorySkeletonFiles,
  toYamlDocuments,
  vmPath,
} from '@fleet-portal/plugin-fleet-node';
import {
  CLUSTER_LABEL,
  IMAGE_REF_ANNOTATION,
  ZONE_LABEL,
} from '../generateFleet';
import { DNS_TYPES, TYPES } from '../resourceTypes';
import type { FleetModel, KubeObject } from '../types';
import { toGitManifest } from './gitManifests';

export interface DemoRepositoryOptions {
  sourceUrl: string;
  defaultBranch: string;
}

export const DEMO_COMMIT_MESSAGE = `The demo fleet

Created by Fleet Portal's fleet simulator on first start: every ClusterDeployment, VirtualMachine
(with its Kairos cloud-config), VMImage, DNS zone and record of the simulated fleet. Flux (simulated)
applies this branch to the simulated management and DNS clusters; merge a request to change them.
`;

const DEMO_SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFleetPortalSimulatorKey fleet-portal';

/**
 * The cluster a VM belongs to: Fleet Portal's label, or, for a cluster written before it,
 * Cluster API's label or the owner reference to the CAPI Cluster.
 */
function clusterOfVm(vm: KubeObject): string | undefined {
  return (
    vm.metadata.labels?.[CLUSTER_LABEL] ??
    vm.metadata.labels?.['cluster.x-k8s.io/cluster-name'] ??
    (
      vm.metadata as { ownerReferences?: Array<{ kind: string; name: string }> }
    ).ownerReferences?.find(o => o.kind === 'Cluster')?.name
  );
}

/** The cloud-config Secret a demo VM boots with, as the new-kairos-vm template writes it. */
function cloudConfigSecret(
  model: FleetModel,
  vm: KubeObject,
  imageReference: string,
): KubeObject {
  const cluster = clusterOfVm(vm) ?? '';
  const poolLabel = vm.metadata.labels?.['fleetportal.io/pool'];
  // A brownfield VM carries no pool label: its role is the node it was generated for.
  const generatedRole = model.clusters
    .find(c => c.name === cluster && c.namespace === vm.metadata.namespace)
    ?.nodes.find(n => (n.vmName ?? n.name) === vm.metadata.name)?.role;
  const pool =
    poolLabel ??
    (generatedRole === 'control-plane' ? 'control-plane' : 'workers');
  const role = pool === 'control-plane' ? 'controller' : 'worker';
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: (vm.spec as any).userData.cloudInit.secretRef.name,
      namespace: vm.metadata.namespace,
      labels: poolLabel
        ? { [CLUSTER_LABEL]: cluster, 'fleetportal.io/pool': pool }
        : { 'cluster.x-k8s.io/cluster-name': cluster },
    },
    type: 'Opaque',
    stringData: {
      userdata: buildCloudConfigText({
        hostname: vm.metadata.name,
        role,
        users: [
          {
            name: 'kairos',
            groups: ['admin'],
            sshAuthorizedKeys: [DEMO_SSH_KEY],
          },
        ],
        imageReference,
        joinTokenVariable: joinTokenVariable(cluster, role),
      }),
    },
  };
}

const DNS_KINDS = new Set(DNS_TYPES.map(type => type.kind));

/** The reference the VM's VMImage pins (or pulls, when it pins no digest). */
function imageReferenceOf(model: FleetModel, vm: KubeObject): string {
  const name = (vm.spec as any)?.imageRef?.name;
  const image = model.mgmt.find(
    o =>
      o.kind === TYPES.vmImage.kind &&
      o.metadata.namespace === vm.metadata.namespace &&
      o.metadata.name === name,
  );
  return (
    image?.metadata.annotations?.[IMAGE_REF_ANNOTATION] ??
    (image?.spec as any)?.source?.registry?.image ??
    ''
  );
}

/**
 * The demo fleet as a GitOps repository, in the layout the templates write: the skeleton plus
 * the manifest of every object Flux manages, taken from the generated fleet. Deterministic.
 */
export function demoRepositoryFiles(
  model: FleetModel,
  options: DemoRepositoryOptions,
): FileMap {
  const files = repositorySkeletonFiles(options);
  const add = (path: string, objects: KubeObject[]) =>
    files.set(
      path,
      Buffer.from(toYamlDocuments(objects.map(toGitManifest)), 'utf8'),
    );
  for (const object of model.mgmt) {
    const { kind, metadata } = object;
    if (kind === TYPES.clusterDeployment.kind)
      add(clusterDeploymentPath(metadata.namespace!, metadata.name), [object]);
    else if (kind === TYPES.vmImage.kind)
      add(imagePath(metadata.namespace!, metadata.name), [object]);
    else if (kind === TYPES.virtualMachine.kind)
      add(
        vmPath(
          metadata.namespace!,
          clusterOfVm(object) ?? 'unassigned',
          metadata.name,
        ),
        [
          object,
          cloudConfigSecret(model, object, imageReferenceOf(model, object)),
        ],
      );
  }
  for (const object of model.dns) {
    if (object.kind === TYPES.dnsZone.kind)
      add(dnsZonePath((object.spec as any).zoneName), [object]);
    else if (DNS_KINDS.has(object.kind))
      add(
        dnsRecordPath(
          object.metadata.labels?.[ZONE_LABEL] ?? 'unlabelled',
          object.kind,
          object.metadata.name,
        ),
        [object],
      );
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The repository at `dir`; created holding the demo fleet when there is none yet. */
export async function ensureDemoRepository(
  dir: string,
  model: FleetModel,
  options: DemoRepositoryOptions,
): Promise<LocalRepository> {
  return ensureLocalRepository(
    dir,
    options.defaultBranch,
    { name: 'Fleet Portal simulator', email: 'fleet-simulator@localhost' },
    () => ({
      files: demoRepositoryFiles(model, options),
      message: DEMO_COMMIT_MESSAGE,
    }),
  );
}
