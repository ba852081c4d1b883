/**
 * Layout of the GitOps repository Flux reconciles (also described in its README.md):
 *
 * ```
 * kustomization.yaml                  resources: [flux-system]                       (fixed)
 * flux-system/kustomization.yaml      resources: the files below                     (fixed)
 * flux-system/sync.yaml               GitRepository flux-system + Kustomization flux-system (path ./)
 * flux-system/<area>.yaml             Kustomization fleet-<area>: builds ./<area>, prune
 * <area>/README.md                    keeps the folder (a Flux path must exist)
 * clusters/<namespace>/<cluster>/clusterdeployment.yaml
 * images/<namespace>/<image>.yaml     VMImage (the same image name may exist in several namespaces)
 * vms/<namespace>/<cluster>/<vm>.yaml VirtualMachine + its cloud-config Secret
 * dns/<zone>/zone.yaml                DNSZone
 * dns/<zone>/<kind-lower>-<name>.yaml ARecord, CNAMERecord, … (<name> = metadata.name)
 * ```
 *
 * The area folders hold no `kustomization.yaml`: kustomize-controller then generates one holding
 * every manifest below the path. So a request only adds, edits or deletes the files of the objects
 * it changes, and requests for different objects never touch the same file: they merge in any
 * order. Clusters and VMs are filed by namespace, as k0rdent names them: two namespaces may each
 * hold a cluster of the same name. Paths use `/` on all platforms.
 *
 * An earlier Fleet Portal wrote `clusters/<cluster>/` and `vms/<cluster>/`: the legacy paths
 * below let readers find such files, which Flux applies all the same.
 */

export const KUSTOMIZATION_FILE = 'kustomization.yaml';
export const FLUX_FOLDER = 'flux-system';
export const FLUX_NAMESPACE = 'flux-system';
/** Name of the GitRepository (and of the root Kustomization) that syncs this repository. */
export const FLUX_SOURCE_NAME = 'flux-system';

export type GitopsAreaName = 'clusters' | 'dns' | 'images' | 'vms';

export interface GitopsArea {
  name: GitopsAreaName;
  /** The Flux Kustomization that builds the area's folder. */
  kustomization: string;
  /** Where its objects are applied: the management cluster, or the cluster bindy runs in. */
  target: 'management' | 'dns';
  /** Kustomizations that must be ready first. */
  dependsOn: string[];
  description: string;
}

export const GITOPS_AREAS: readonly GitopsArea[] = [
  {
    name: 'clusters',
    kustomization: 'fleet-clusters',
    target: 'management',
    dependsOn: [],
    description:
      'k0rdent ClusterDeployments, one folder per namespace and cluster: `clusters/<namespace>/<cluster>/clusterdeployment.yaml`.',
  },
  {
    name: 'dns',
    kustomization: 'fleet-dns',
    target: 'dns',
    dependsOn: [],
    description:
      'bindy DNSZones and records, one folder per zone: `dns/<zone>/zone.yaml` and `dns/<zone>/<kind>-<name>.yaml`. Applied to the cluster bindy runs in.',
  },
  {
    name: 'images',
    kustomization: 'fleet-images',
    target: 'management',
    dependsOn: [],
    description:
      'VirtRigaud VMImages of Kairos releases, one file per image and namespace: `images/<namespace>/<image>.yaml`.',
  },
  {
    name: 'vms',
    kustomization: 'fleet-vms',
    target: 'management',
    dependsOn: ['fleet-images'],
    description:
      'VirtRigaud VirtualMachines with their Kairos cloud-config Secrets, one folder per namespace and cluster: `vms/<namespace>/<cluster>/<vm>.yaml`.',
  },
];

/** The Secret (in flux-system) holding the kubeconfig of the cluster bindy runs in. */
export const DNS_CLUSTER_KUBECONFIG_SECRET = 'dns-cluster-kubeconfig';
/** The Secret (in flux-system) Flux substitutes the VMs' join-token variables from. */
export const JOIN_TOKENS_SECRET = 'fleet-join-tokens';

export function areaFolder(area: GitopsAreaName): string {
  return area;
}

export function fluxKustomizationPath(area: GitopsAreaName): string {
  return `${FLUX_FOLDER}/${area}.yaml`;
}

/** The area a repository path belongs to, or undefined for the root and flux-system files. */
export function areaOfPath(path: string): GitopsArea | undefined {
  const top = path.split('/')[0];
  return GITOPS_AREAS.find(area => area.name === top);
}

export function clusterFolder(namespace: string, cluster: string): string {
  return `clusters/${namespace}/${cluster}`;
}

export function clusterDeploymentPath(
  namespace: string,
  cluster: string,
): string {
  return `${clusterFolder(namespace, cluster)}/clusterdeployment.yaml`;
}

/** Where an earlier Fleet Portal filed a cluster: `clusters/<cluster>/clusterdeployment.yaml`. */
export function legacyClusterDeploymentPath(cluster: string): string {
  return `clusters/${cluster}/clusterdeployment.yaml`;
}

export function imagePath(namespace: string, image: string): string {
  return `images/${namespace}/${image}.yaml`;
}

export function vmFolder(namespace: string, cluster: string): string {
  return `vms/${namespace}/${cluster}`;
}

export function vmPath(namespace: string, cluster: string, vm: string): string {
  return `${vmFolder(namespace, cluster)}/${vm}.yaml`;
}

/**
 * The namespace and cluster a `clusters/…` or `vms/…` path is filed under, in this layout or the
 * legacy one (namespace unknown).
 */
export function clusterOfPath(
  path: string,
): { namespace?: string; cluster: string } | undefined {
  const parts = path.split('/');
  if (parts[0] === 'clusters') {
    if (parts.length === 4) return { namespace: parts[1], cluster: parts[2] };
    if (parts.length === 3 && parts[2] === 'clusterdeployment.yaml')
      return { cluster: parts[1] };
  }
  if (parts[0] === 'vms') {
    if (parts.length === 4) return { namespace: parts[1], cluster: parts[2] };
    if (parts.length === 3) return { cluster: parts[1] };
  }
  return undefined;
}

/** Whether a path is the cluster's ClusterDeployment file, in this layout or the legacy one. */
export function isClusterDeploymentFileOf(
  path: string,
  cluster: string,
): boolean {
  return (
    path.startsWith('clusters/') &&
    path.endsWith('/clusterdeployment.yaml') &&
    clusterOfPath(path)?.cluster === cluster
  );
}

export function dnsZoneFolder(zone: string): string {
  return `dns/${zone}`;
}

export function dnsZonePath(zone: string): string {
  return `${dnsZoneFolder(zone)}/zone.yaml`;
}

export function dnsRecordPath(
  zone: string,
  kind: string,
  objectName: string,
): string {
  return `${dnsZoneFolder(zone)}/${kind.toLowerCase()}-${objectName}.yaml`;
}

/** The folder holding a path (`''` for the repo root). */
export function parentFolder(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function kustomizationPath(folder: string): string {
  return folder ? `${folder}/${KUSTOMIZATION_FILE}` : KUSTOMIZATION_FILE;
}

/** A file kustomize-controller would take as manifests when it generates a kustomization. */
export function isManifestFileName(name: string): boolean {
  return (
    /\.ya?ml$/.test(name) &&
    !['kustomization.yaml', 'kustomization.yml', 'Kustomization'].includes(name)
  );
}
