import { InputError } from '@backstage/errors';
import { checkK0sUpgrade } from '@internal/plugin-fleet-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  FileChange,
  planRemoveFolder,
  RepoReader,
  sortChanges,
} from '../gitops/changeSet';
import { commitChanges, repoAt } from '../gitops/commit';
import {
  clusterDeploymentPath,
  clusterFolder,
  vmFolder,
} from '@internal/plugin-fleet-node';
import { parseYamlFile, setScalar } from '../gitops/yamlEdit';
import { KubeObject } from '../manifests/types';
import { isSupportedChart } from '../schemas/embeddedSchemas';
import {
  assertValidChartValues,
  assertValidManifest,
} from '../schemas/validateManifest';
import { chartOfTemplate } from '../validation/clusterInput';
import {
  DAY2_OPERATIONS,
  Day2Input,
  validateDay2Input,
} from '../validation/day2Input';
import { fieldError } from '../validation/fieldError';
import { clusterDay2Examples } from './clusterDay2.examples';
import { changeOutputSchema } from './outputSchema';

export const CLUSTER_DAY2_ACTION_ID = 'fleet:cluster:day2';

const K0S_VERSION_PATH = ['spec', 'config', 'k0s', 'version'];

function readClusterDeployment(
  input: Day2Input,
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
function assertStillValid(text: string, path: string): void {
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

function planUpgrade(
  input: Extract<Day2Input, { operation: 'upgrade-k0s' }>,
  repo: RepoReader,
): FileChange[] {
  const { path, text } = readClusterDeployment(input, repo);
  const current = parseYamlFile(text, path).getIn(K0S_VERSION_PATH);
  if (typeof current !== 'string') {
    throw new InputError(
      `${path} has no spec.config.k0s.version to upgrade from`,
    );
  }
  const check = checkK0sUpgrade(current, input.k0sVersion);
  if (!check.ok) throw fieldError('k0sVersion', check.message);
  const edited = setScalar(text, path, K0S_VERSION_PATH, input.k0sVersion);
  assertStillValid(edited, path);
  return [{ type: 'write', path, content: edited }];
}

function planScale(
  input: Extract<Day2Input, { operation: 'scale' }>,
  repo: RepoReader,
): FileChange[] {
  const { path, text } = readClusterDeployment(input, repo);
  let edited = text;
  if (input.controlPlaneNumber !== undefined) {
    edited = setScalar(
      edited,
      path,
      ['spec', 'config', 'controlPlaneNumber'],
      input.controlPlaneNumber,
    );
  }
  if (input.workersNumber !== undefined) {
    edited = setScalar(
      edited,
      path,
      ['spec', 'config', 'workersNumber'],
      input.workersNumber,
    );
  }
  if (edited === text)
    throw fieldError(
      'workersNumber',
      'the cluster already has these node counts',
    );
  assertStillValid(edited, path);
  return [{ type: 'write', path, content: edited }];
}

function planDecommission(input: Day2Input, repo: RepoReader): FileChange[] {
  readClusterDeployment(input, repo);
  return sortChanges([
    ...planRemoveFolder(clusterFolder(input.cluster), repo),
    ...planRemoveFolder(vmFolder(input.cluster), repo),
  ]);
}

export function planClusterDay2(
  rawInput: unknown,
  openRepo: (targetPath: string) => RepoReader,
): { changes: FileChange[]; targetPath: string } {
  const input = validateDay2Input(rawInput);
  const repo = openRepo(input.targetPath);
  switch (input.operation) {
    case 'upgrade-k0s':
      return {
        changes: planUpgrade(input, repo),
        targetPath: input.targetPath,
      };
    case 'scale':
      return { changes: planScale(input, repo), targetPath: input.targetPath };
    default:
      return {
        changes: planDecommission(input, repo),
        targetPath: input.targetPath,
      };
  }
}

export function createClusterDay2Action() {
  return createTemplateAction({
    id: CLUSTER_DAY2_ACTION_ID,
    description:
      'Edits an existing cluster in the GitOps checkout: upgrade-k0s (no downgrade, one minor at a time), scale (node counts) or decommission (removes every file of clusters/<name>/ and vms/<name>/). Edits change only the affected line.',
    examples: clusterDay2Examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z => z.string().describe('Cluster (ClusterDeployment) name'),
        operation: z => z.enum(DAY2_OPERATIONS).describe('What to do'),
        k0sVersion: z =>
          z
            .string()
            .optional()
            .describe('upgrade-k0s: target version, e.g. v1.32.1+k0s.0'),
        workersNumber: z =>
          z.number().int().optional().describe('scale: worker count'),
        controlPlaneNumber: z =>
          z
            .number()
            .int()
            .optional()
            .describe('scale: control-plane count (odd)'),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder of the GitOps checkout inside the workspace (default ".")',
            ),
      },
      output: changeOutputSchema,
    },
    async handler(ctx) {
      const plan = planClusterDay2(ctx.input, target =>
        repoAt(ctx.workspacePath, target),
      );
      await commitChanges(ctx, plan.targetPath, plan.changes);
    },
  });
}
