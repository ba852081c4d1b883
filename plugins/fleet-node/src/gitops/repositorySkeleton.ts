import { toYaml, toYamlDocuments } from '../yaml';
import { fileMapOf, FileMap } from './fileMap';
import {
  DNS_CLUSTER_KUBECONFIG_SECRET,
  FLUX_FOLDER,
  FLUX_NAMESPACE,
  FLUX_SOURCE_NAME,
  fluxKustomizationPath,
  GITOPS_AREAS,
  GitopsArea,
  JOIN_TOKENS_SECRET,
  KUSTOMIZATION_FILE,
} from './layout';

export const KUSTOMIZATION_API_VERSION = 'kustomize.config.k8s.io/v1beta1';
export const FLUX_SOURCE_API_VERSION = 'source.toolkit.fluxcd.io/v1';
export const FLUX_KUSTOMIZE_API_VERSION = 'kustomize.toolkit.fluxcd.io/v1';

export interface RepositorySkeletonOptions {
  /** What Flux's GitRepository fetches (http, https or ssh URL). */
  sourceUrl: string;
  defaultBranch: string;
}

/** Used when nothing else is configured: Flux's GitRepository needs an http(s) or ssh URL. */
export const DEFAULT_FLUX_SOURCE_URL =
  'ssh://git@gitops.fleet.example.com/platform/fleet-gitops.git';

const README = `# Fleet GitOps repository

FluxCD reconciles this repository into the k0rdent management cluster (and the DNS folder into the
cluster bindy runs in). Nobody applies anything by hand: Fleet Portal templates propose every change
as a branch (locally) or a pull request.

- \`flux-system/\`: the GitRepository and one Flux Kustomization per area below.
${GITOPS_AREAS.map(area => `- \`${area.name}/\`: ${area.description}`).join(
  '\n',
)}

The area folders have no \`kustomization.yaml\`: Flux builds every manifest below each of them, so
adding an object is adding its file. Requests for different objects touch different files and
merge in any order.
`;

function kustomization(resources: string[]): string {
  return toYaml({
    apiVersion: KUSTOMIZATION_API_VERSION,
    kind: 'Kustomization',
    resources: [...resources].sort(),
  });
}

function fluxKustomization(
  name: string,
  path: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    apiVersion: FLUX_KUSTOMIZE_API_VERSION,
    kind: 'Kustomization',
    metadata: { name, namespace: FLUX_NAMESPACE },
    spec: {
      interval: '10m',
      retryInterval: '1m',
      path,
      prune: true,
      sourceRef: { kind: 'GitRepository', name: FLUX_SOURCE_NAME },
      ...extra,
    },
  };
}

/** The Flux Kustomization that builds one area's folder. */
export function areaKustomization(area: GitopsArea): Record<string, unknown> {
  return fluxKustomization(area.kustomization, `./${area.name}`, {
    ...(area.dependsOn.length > 0
      ? { dependsOn: area.dependsOn.map(name => ({ name })) }
      : {}),
    ...(area.target === 'dns'
      ? {
          kubeConfig: {
            secretRef: { name: DNS_CLUSTER_KUBECONFIG_SECRET, key: 'value' },
          },
        }
      : {}),
    ...(area.name === 'vms'
      ? {
          postBuild: {
            substituteFrom: [{ kind: 'Secret', name: JOIN_TOKENS_SECRET }],
          },
        }
      : {}),
  });
}

/**
 * The files every GitOps repository of Fleet Portal starts with: the Flux objects that sync it
 * and an empty folder per area. `kustomize build` of the root succeeds from this first commit on.
 */
export function repositorySkeletonFiles(
  options: RepositorySkeletonOptions,
): FileMap {
  const files: Record<string, string> = {
    'README.md': README,
    [KUSTOMIZATION_FILE]: kustomization([FLUX_FOLDER]),
    [`${FLUX_FOLDER}/${KUSTOMIZATION_FILE}`]: kustomization([
      'sync.yaml',
      ...GITOPS_AREAS.map(area => `${area.name}.yaml`),
    ]),
    [`${FLUX_FOLDER}/sync.yaml`]: toYamlDocuments([
      {
        apiVersion: FLUX_SOURCE_API_VERSION,
        kind: 'GitRepository',
        metadata: { name: FLUX_SOURCE_NAME, namespace: FLUX_NAMESPACE },
        spec: {
          interval: '1m',
          url: options.sourceUrl,
          ref: { branch: options.defaultBranch },
        },
      },
      fluxKustomization(FLUX_SOURCE_NAME, './'),
    ]),
  };
  for (const area of GITOPS_AREAS) {
    files[fluxKustomizationPath(area.name)] = toYaml(areaKustomization(area));
    files[`${area.name}/README.md`] = `# ${area.name}\n\n${area.description}\n`;
  }
  return fileMapOf(files);
}

export const SKELETON_COMMIT_MESSAGE =
  'Initial GitOps repository layout\n\nCreated by Fleet Portal on first use.\n';
