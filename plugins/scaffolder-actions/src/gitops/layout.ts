/**
 * Layout of the GitOps repository Flux reconciles (also described in the package README):
 *
 * ```
 * kustomization.yaml                      resources: [clusters, dns, images, vms] (those present)
 * clusters/kustomization.yaml             resources: [<cluster>, …]
 * clusters/<cluster>/kustomization.yaml   resources: [clusterdeployment.yaml]
 * clusters/<cluster>/clusterdeployment.yaml
 * images/kustomization.yaml               resources: [<image>.yaml, …]
 * images/<image>.yaml                     VMImage
 * vms/kustomization.yaml                  resources: [<cluster>, …]
 * vms/<cluster>/kustomization.yaml        resources: [<vm>.yaml, …]
 * vms/<cluster>/<vm>.yaml                 VirtualMachine + its cloud-config Secret
 * dns/kustomization.yaml                  resources: [<zone>, …]
 * dns/<zone>/kustomization.yaml           resources: [zone.yaml, <kind-lower>-<name>.yaml, …]
 * dns/<zone>/zone.yaml                    DNSZone
 * dns/<zone>/<kind-lower>-<name>.yaml     ARecord, CNAMERecord, … (<name> = metadata.name)
 * ```
 *
 * Every folder has a `kustomization.yaml` (kustomize.config.k8s.io/v1beta1) listing its files and
 * sub-folders, sorted, so everything is reachable from the root one. Paths use `/` on all platforms.
 */

export const KUSTOMIZATION_FILE = 'kustomization.yaml';
export const TOP_LEVEL_FOLDERS = ['clusters', 'dns', 'images', 'vms'] as const;

export function clusterFolder(cluster: string): string {
  return `clusters/${cluster}`;
}

export function clusterDeploymentPath(cluster: string): string {
  return `${clusterFolder(cluster)}/clusterdeployment.yaml`;
}

export function imagePath(image: string): string {
  return `images/${image}.yaml`;
}

export function vmFolder(cluster: string): string {
  return `vms/${cluster}`;
}

export function vmPath(cluster: string, vm: string): string {
  return `${vmFolder(cluster)}/${vm}.yaml`;
}

export function dnsZonePath(zone: string): string {
  return `dns/${zone}/zone.yaml`;
}

export function dnsRecordPath(
  zone: string,
  kind: string,
  objectName: string,
): string {
  return `dns/${zone}/${kind.toLowerCase()}-${objectName}.yaml`;
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

/**
 * The kustomization entries that make a file reachable from the root: for
 * `clusters/a/clusterdeployment.yaml` → `clusters/a` lists `clusterdeployment.yaml`, `clusters`
 * lists `a`, the root lists `clusters`.
 */
export function kustomizationChain(
  path: string,
): Array<{ folder: string; entry: string }> {
  const chain: Array<{ folder: string; entry: string }> = [];
  let current = path;
  while (current.includes('/')) {
    const folder = parentFolder(current);
    chain.push({ folder, entry: baseName(current) });
    current = folder;
  }
  chain.push({ folder: '', entry: current });
  return chain;
}
