import { InputError } from '@backstage/errors';
import {
  clusterDeploymentPath,
  clusterOfPath,
  legacyClusterDeploymentPath,
} from '@fleet-portal/plugin-fleet-node';
import type { RepoReader } from '../gitops/changeSet';
import { parseYamlFile } from '../gitops/yamlEdit';
import type { KubeObject } from '../manifests/types';
import { isSupportedChart } from '../schemas/embeddedSchemas';
import {
  assertValidChartValues,
  assertValidManifest,
} from '../schemas/validateManifest';
import { chartOfTemplate } from '../validation/clusterInput';
import { fieldError } from '../validation/fieldError';

/** A cluster's ClusterDeployment file as the checkout holds it. */
export interface ClusterDeploymentFile {
  path: string;
  text: string;
  namespace: string;
  /** Filed as an earlier Fleet Portal did, `clusters/<cluster>/`. */
  legacy: boolean;
}

function namespaceIn(text: string, path: string): string | undefined {
  const namespace = parseYamlFile(text, path).getIn(['metadata', 'namespace']);
  return typeof namespace === 'string' && namespace ? namespace : undefined;
}

/** The namespaces whose `clusters/<namespace>/<cluster>/` holds a ClusterDeployment file. */
function namespacesHolding(cluster: string, repo: RepoReader): string[] {
  return repo
    .listFiles('clusters')
    .map(path => ({ path, filed: clusterOfPath(path) }))
    .filter(
      ({ path, filed }) =>
        filed?.cluster === cluster &&
        filed.namespace !== undefined &&
        path === clusterDeploymentPath(filed.namespace, cluster),
    )
    .map(({ filed }) => filed!.namespace!)
    .sort();
}

/**
 * Every namespace the checkout files a cluster of this name under: `clusters/<namespace>/<cluster>/`,
 * and the namespace of an earlier Fleet Portal's `clusters/<cluster>/`.
 */
export function namespacesFiling(cluster: string, repo: RepoReader): string[] {
  const legacyPath = legacyClusterDeploymentPath(cluster);
  const legacyText = repo.read(legacyPath);
  const legacy =
    legacyText === undefined ? undefined : namespaceIn(legacyText, legacyPath);
  const filed = namespacesHolding(cluster, repo);
  return legacy && !filed.includes(legacy) ? [...filed, legacy].sort() : filed;
}

/**
 * The cluster's ClusterDeployment file in the GitOps checkout: `clusters/<namespace>/<cluster>/`,
 * or where an earlier Fleet Portal filed it. Without a namespace, the only one holding the
 * cluster; a field error when there is none, or several.
 */
export function readClusterDeployment(
  input: { cluster: string; namespace?: string },
  repo: RepoReader,
): ClusterDeploymentFile {
  const { cluster } = input;
  const legacyPath = legacyClusterDeploymentPath(cluster);
  const legacyText = repo.read(legacyPath);
  const legacyNamespace =
    legacyText === undefined ? undefined : namespaceIn(legacyText, legacyPath);
  const legacy = (namespace: string) =>
    legacyText !== undefined && legacyNamespace === namespace
      ? { path: legacyPath, text: legacyText, namespace, legacy: true }
      : undefined;
  const filed = namespacesHolding(cluster, repo);
  if (input.namespace) {
    const path = clusterDeploymentPath(input.namespace, cluster);
    const text = repo.read(path);
    if (text !== undefined)
      return { path, text, namespace: input.namespace, legacy: false };
    const found = legacy(input.namespace);
    if (found) return found;
    const elsewhere = [...filed, ...(legacyNamespace ? [legacyNamespace] : [])];
    throw fieldError(
      'cluster',
      `cluster ${cluster} does not exist in the GitOps repo (no ${path})${
        elsewhere.length
          ? `; the repo files it under namespace ${elsewhere.join(', ')}`
          : ''
      }; fetch the repo into the workspace first`,
    );
  }
  if (filed.length > 1 || (filed.length === 1 && legacyNamespace)) {
    throw fieldError(
      'namespace',
      `cluster ${cluster} exists in several namespaces of the GitOps repo (${[
        ...filed,
        ...(legacyNamespace ? [legacyNamespace] : []),
      ].join(', ')}): name its namespace`,
    );
  }
  if (filed.length === 1) {
    const path = clusterDeploymentPath(filed[0], cluster);
    return { path, text: repo.read(path)!, namespace: filed[0], legacy: false };
  }
  const found = legacyNamespace ? legacy(legacyNamespace) : undefined;
  if (found) return found;
  throw fieldError(
    'cluster',
    `cluster ${cluster} does not exist in the GitOps repo (no clusters/<namespace>/${cluster}/clusterdeployment.yaml); fetch the repo into the workspace first`,
  );
}

/** Re-checks the edited ClusterDeployment against its CRD and chart schema before it is written. */
export function assertStillValid(text: string, path: string): void {
  const object = parseYamlFile(text, path).toJS() as KubeObject;
  if (object?.kind !== 'ClusterDeployment')
    throw new InputError(`${path} does not hold a ClusterDeployment`);
  assertValidManifest({
    ...object,
    metadata: { ...object.metadata, labels: object.metadata?.labels ?? {} },
  });
  const spec = object.spec as
    | { template?: string; config?: unknown }
    | undefined;
  const chart = chartOfTemplate(spec?.template ?? '');
  if (chart && isSupportedChart(chart))
    assertValidChartValues(chart, spec?.config ?? {});
}
