import { InputError } from '@backstage/errors';
import { clusterDeploymentPath } from '@internal/plugin-fleet-node';
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

/** The cluster's ClusterDeployment file in the GitOps checkout; a field error when it has none. */
export function readClusterDeployment(
  input: { cluster: string },
  repo: RepoReader,
): { path: string; text: string } {
  const path = clusterDeploymentPath(input.cluster);
  const text = repo.read(path);
  if (text === undefined) {
    throw fieldError(
      'cluster',
      `cluster ${input.cluster} does not exist in the GitOps repo (no ${path}); fetch the repo into the workspace first`,
    );
  }
  return { path, text };
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
