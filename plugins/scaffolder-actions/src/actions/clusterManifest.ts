import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { RepoReader } from '../gitops/changeSet';
import { InputError } from '@backstage/errors';
import {
  clusterDeploymentPath,
  legacyClusterDeploymentPath,
} from '@fleet-portal/plugin-fleet-node';
import { parseYamlFile } from '../gitops/yamlEdit';
import { ManifestPlan, planManifestFiles } from '../gitops/manifestFiles';
import { buildClusterDeployment } from '../manifests/clusterDeployment';
import { RequestInfo } from '../manifests/types';
import { assertValidChartValues } from '../schemas/validateManifest';
import { type FleetHttpAccess } from '../fleet/liveValuesSchema';
import { assertValidLiveValues } from '../schemas/validateLiveValues';
import { validateClusterInput } from '../validation/clusterInput';
import {
  BUNDLED_ONLY,
  describeValuesCheck,
  valuesCheckFor,
  type ValuesCheck,
} from './clusterValuesCheck';
import { clusterManifestExamples } from './clusterManifest.examples';
import { changeOutputSchema } from './outputSchema';
import { runManifestPlan } from './runManifestPlan';

export const CLUSTER_MANIFEST_ACTION_ID = 'fleet:cluster:manifest';

/** A cluster an earlier Fleet Portal filed at `clusters/<name>/` is the same cluster. */
function assertNotFiledTheOldWay(
  repo: RepoReader,
  namespace: string,
  name: string,
): void {
  const legacyPath = legacyClusterDeploymentPath(name);
  const text = repo.read(legacyPath);
  if (text === undefined) return;
  const filed = parseYamlFile(text, legacyPath).getIn([
    'metadata',
    'namespace',
  ]);
  if (filed === namespace)
    throw new InputError(
      `cluster ${name} already exists in the GitOps repo (${legacyPath})`,
    );
}

/** Validates the input and plans the files; pure apart from reading the repo through `repo`. */
export function planClusterManifest(
  rawInput: unknown,
  request: RequestInfo,
  openRepo: (targetPath: string) => RepoReader,
  values: ValuesCheck = BUNDLED_ONLY,
): ManifestPlan {
  const input = validateClusterInput(rawInput);
  const clusterDeployment = buildClusterDeployment(input, request);
  const config = (clusterDeployment.spec as { config: unknown }).config;
  if (values.kind === 'live')
    assertValidLiveValues(values.validate, config, values.source);
  else assertValidChartValues(input.chart, config);
  const path = clusterDeploymentPath(input.namespace, input.name);
  const files = [
    {
      path,
      objects: [clusterDeployment],
      conflictMessage: `cluster ${input.name} already exists in the GitOps repo (${path})`,
    },
  ];
  const repo = openRepo(input.targetPath);
  assertNotFiledTheOldWay(repo, input.namespace, input.name);
  return {
    files,
    changes: planManifestFiles(files, repo),
    targetPath: input.targetPath,
  };
}

export interface ClusterManifestActionOptions {
  /** The fleet backend's HTTP API, for the templates' live values schemas. */
  fleet?: FleetHttpAccess;
}

export function createClusterManifestAction(
  options: ClusterManifestActionOptions = {},
) {
  return createTemplateAction({
    id: CLUSTER_MANIFEST_ACTION_ID,
    description:
      'Writes a k0rdent ClusterDeployment into clusters/<namespace>/<name>/ of the GitOps checkout in the workspace, validated against the live values schema of its ClusterTemplate (read through the fleet backend), or the bundled chart schema when the fleet cannot be read or the template has none.',
    examples: clusterManifestExamples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .describe('Cluster (ClusterDeployment) name, an RFC 1123 label'),
        namespace: z =>
          z
            .string()
            .describe(
              'Namespace of the ClusterDeployment in the management cluster',
            ),
        template: z =>
          z
            .string()
            .describe(
              'ClusterTemplate name, e.g. vsphere-standalone-cp-1-0-42',
            ),
        credential: z => z.string().describe('k0rdent Credential name'),
        controlPlaneNumber: z =>
          z
            .number()
            .int()
            .optional()
            .describe('Control-plane machines (odd, 1-15)'),
        workersNumber: z =>
          z.number().int().optional().describe('Worker machines (0-500)'),
        k0sVersion: z =>
          z
            .string()
            .optional()
            .describe('Exact k0s version, e.g. v1.31.2+k0s.0'),
        clusterLabels: z =>
          z
            .record(z.string(), z.string())
            .optional()
            .describe('Labels for the child cluster'),
        vmImage: z =>
          z
            .string()
            .optional()
            .describe(
              'VMImage the nodes should run (annotation fleetportal.io/vmimage)',
            ),
        owner: z =>
          z
            .string()
            .optional()
            .describe(
              'Catalog owner entity ref (annotation fleetportal.io/owner)',
            ),
        provider: z =>
          z
            .record(z.string(), z.any())
            .optional()
            .describe(
              'Provider settings merged into spec.config (vsphere, openstack, aws, …)',
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder of the GitOps checkout inside the workspace (default ".")',
            ),
        management: z =>
          z
            .string()
            .optional()
            .describe(
              "Management cluster id whose live values schema applies (default: the fleet's only one)",
            ),
      },
      output: {
        ...changeOutputSchema,
        valuesSchema: z =>
          z
            .string()
            .describe(
              'Which values schema spec.config was checked against: the live one and where it was read, or the bundled one and why',
            ),
      },
    },
    async handler(ctx) {
      const input = validateClusterInput(ctx.input);
      const values = await valuesCheckFor(options.fleet, input, () =>
        ctx.getInitiatorCredentials(),
      );
      ctx.logger.info(describeValuesCheck(values));
      await runManifestPlan(ctx, (raw, request, openRepo) =>
        planClusterManifest(raw, request, openRepo, values),
      );
      ctx.output('valuesSchema', describeValuesCheck(values));
    },
  });
}
