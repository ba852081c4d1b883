import { toYaml } from '../yaml/serialize';
import { KUSTOMIZATION_API_VERSION } from './kustomization';
import { fileMapOf, FileMap } from './fileMap';

const README = `# Fleet GitOps repository

FluxCD reconciles this repository into the k0rdent management cluster. Nobody applies anything by
hand: Fleet Portal templates propose every change as a branch (locally) or a pull request.

Layout: \`clusters/<cluster>/\` (ClusterDeployments), \`vms/<cluster>/\` (VirtualMachines and their
cloud-config Secrets), \`images/\` (VMImages), \`dns/<zone>/\` (DNSZone and records). Every folder
has a \`kustomization.yaml\` listing its files and sub-folders, reachable from the root one.
`;

/**
 * The files of the first commit of a new local GitOps repository. The root kustomization has no
 * `resources` key yet (an empty flow list would make later entries flow style too).
 */
export function initialRepositoryFiles(): FileMap {
  const kustomization = toYaml({
    apiVersion: KUSTOMIZATION_API_VERSION,
    kind: 'Kustomization',
  });
  return fileMapOf({
    'README.md': README,
    'kustomization.yaml': kustomization,
  });
}

export const INITIAL_COMMIT_MESSAGE =
  'Initial GitOps repository layout\n\nCreated by Fleet Portal on first use.\n';
