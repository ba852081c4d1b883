import {
  clusterDeploymentPath,
  dnsRecordPath,
  dnsZonePath,
  ensureLocalRepository,
  FileMap,
  imagePath,
  LocalRepository,
  repositorySkeletonFiles,
  toYaml,
  toYamlDocuments,
  vmPath,
} from '@internal/plugin-fleet-node';
import { CLUSTER_LABEL, ZONE_LABEL } from '../generateFleet';
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

/** The Flux substitution variable a demo VM's cloud-config takes its join token from. */
export function joinTokenVariable(cluster: string, role: string): string {
  return `FLEET_JOIN_TOKEN_${cluster}_${role}`
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_');
}

function cloudConfigSecret(vm: KubeObject): KubeObject {
  const cluster = vm.metadata.labels?.[CLUSTER_LABEL] ?? '';
  const role =
    vm.metadata.labels?.['fleetportal.io/pool'] === 'control-plane'
      ? 'controller'
      : 'worker';
  const k0sKey = role === 'controller' ? 'k0s' : 'k0s-worker';
  const userdata = `#cloud-config\n${toYaml({
    hostname: vm.metadata.name,
    users: [{ name: 'kairos', groups: ['admin'] }],
    [k0sKey]: { enabled: true, args: ['--token-file /etc/k0s/join-token'] },
    stages: {
      initramfs: [
        {
          name: 'fleetportal-join-token',
          files: [
            {
              path: '/etc/k0s/join-token',
              permissions: 0o600,
              content: `\${${joinTokenVariable(cluster, role)}}`,
            },
          ],
        },
      ],
    },
  })}`;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: (vm.spec as any).userData.cloudInit.secretRef.name,
      namespace: vm.metadata.namespace,
      labels: {
        [CLUSTER_LABEL]: cluster,
        'fleetportal.io/pool':
          vm.metadata.labels?.['fleetportal.io/pool'] ?? '',
      },
    },
    type: 'Opaque',
    stringData: { userdata },
  };
}

const DNS_KINDS = new Set(DNS_TYPES.map(type => type.kind));

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
      add(clusterDeploymentPath(metadata.name), [object]);
    else if (kind === TYPES.vmImage.kind)
      add(imagePath(metadata.namespace!, metadata.name), [object]);
    else if (kind === TYPES.virtualMachine.kind)
      add(
        vmPath(metadata.labels?.[CLUSTER_LABEL] ?? 'unassigned', metadata.name),
        [object, cloudConfigSecret(object)],
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
