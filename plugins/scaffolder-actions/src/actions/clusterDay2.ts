import { InputError } from '@backstage/errors';
import { checkK0sUpgrade } from '@fleet-portal/plugin-fleet-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { FileChange, RepoReader, sortChanges } from '../gitops/changeSet';
import { commitChanges, repoAt } from '../gitops/commit';
import {
  clusterOfPath,
  isClusterDeploymentFileOf,
  parentFolder,
} from '@fleet-portal/plugin-fleet-node';
import { parseYamlFile, setScalar } from '../gitops/yamlEdit';
import {
  DAY2_OPERATIONS,
  Day2Input,
  validateDay2Input,
} from '../validation/day2Input';
import { fieldError } from '../validation/fieldError';
import {
  assertStillValid,
  readClusterDeployment,
} from './clusterDeploymentFile';
import { type FleetHttpAccess } from '../fleet/fleetHttp';
import {
  authorizeClusterRequests,
  type ClusterRequestAccess,
} from '../fleet/requestPermission';
import { clusterDay2Examples } from './clusterDay2.examples';
import { changeOutputSchema } from './outputSchema';
import {
  describeTemplateUpgrade,
  planTemplateUpgrade,
  templateUpgradeFacts,
  type TemplateUpgradeFacts,
} from './templateUpgrade';

export const CLUSTER_DAY2_ACTION_ID = 'fleet:cluster:day2';

const K0S_VERSION_PATH = ['spec', 'config', 'k0s', 'version'];

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

/**
 * The cluster's ClusterDeployment file and its VMs' files. VMs name their cluster, not its
 * namespace, so when several namespaces hold a cluster of that name the VMs filed under any
 * other namespace cannot be told apart: the request is refused, naming them, rather than
 * leaving VMs of a removed cluster behind or removing another cluster's.
 */
function planDecommission(input: Day2Input, repo: RepoReader): FileChange[] {
  const file = readClusterDeployment(input, repo);
  const clusterFolderOf = parentFolder(file.path);
  // An earlier layout's clusters/<name>/ may also be a namespace folder of this one: only the
  // files directly in it are the cluster's.
  const clusterFiles = repo
    .listFiles(clusterFolderOf)
    .filter(path => !file.legacy || parentFolder(path) === clusterFolderOf);
  const namespacesOfName = new Set(
    repo
      .listFiles('clusters')
      .filter(path => isClusterDeploymentFileOf(path, input.cluster))
      .map(path => clusterOfPath(path)?.namespace ?? '(earlier layout)'),
  );
  const ambiguous: string[] = [];
  const vmFiles = repo.listFiles('vms').filter(path => {
    const filed = clusterOfPath(path);
    if (filed?.cluster !== input.cluster) return false;
    if (namespacesOfName.size === 1 || filed.namespace === file.namespace)
      return true;
    if (filed.namespace === undefined && file.legacy) return true;
    // Filed under another same-named cluster's own namespace: that cluster's VMs.
    if (filed.namespace !== undefined && namespacesOfName.has(filed.namespace))
      return false;
    ambiguous.push(parentFolder(path));
    return false;
  });
  if (ambiguous.length > 0) {
    throw fieldError(
      'cluster',
      `namespaces ${[...namespacesOfName]
        .sort()
        .join(', ')} each hold a cluster ${input.cluster}, and the VMs under ${[
        ...new Set(ambiguous),
      ]
        .sort()
        .join(
          ', ',
        )} name no namespace: say whose they are by moving them to vms/<cluster namespace>/${
        input.cluster
      }/ or removing them in a request of their own, then decommission again`,
    );
  }
  return sortChanges([
    ...clusterFiles.map(path => ({ type: 'delete' as const, path })),
    ...vmFiles.map(path => ({ type: 'delete' as const, path })),
  ]);
}

export function planClusterDay2(
  rawInput: unknown,
  openRepo: (targetPath: string) => RepoReader,
  templateFacts?: TemplateUpgradeFacts,
): { changes: FileChange[]; targetPath: string } {
  const input = validateDay2Input(rawInput);
  const repo = openRepo(input.targetPath);
  const plan = (changes: FileChange[]) => ({
    changes,
    targetPath: input.targetPath,
  });
  switch (input.operation) {
    case 'upgrade-k0s':
      return plan(planUpgrade(input, repo));
    case 'upgrade-template':
      if (!templateFacts)
        throw new Error('upgrade-template is planned with the fleet’s facts');
      return plan(planTemplateUpgrade(input, repo, templateFacts));
    case 'scale':
      return plan(planScale(input, repo));
    default:
      return plan(planDecommission(input, repo));
  }
}

export interface ClusterDay2ActionOptions {
  /**
   * The fleet backend's HTTP API: the upgrades k0rdent offers, the templates' values schemas,
   * and the management cluster the permission check names when the input names none.
   */
  fleet?: FleetHttpAccess;
  /**
   * Checks `fleet.cluster.request` on the cluster, as the initiator, before anything is planned
   * or written. Without it no check is made; the scaffolder module always passes it.
   */
  permissions?: ClusterRequestAccess['permissions'];
}

export function createClusterDay2Action(
  options: ClusterDay2ActionOptions = {},
) {
  return createTemplateAction({
    id: CLUSTER_DAY2_ACTION_ID,
    description:
      "Edits an existing cluster in the GitOps checkout: upgrade-k0s (no downgrade, one minor at a time), upgrade-template (to a ClusterTemplate the cluster's status.availableUpgrades offers, read through the fleet backend, its config checked against the new template's values schema), scale (node counts) or decommission (removes clusters/<namespace>/<name>/ and the cluster's VMs under vms/). Edits change only the affected line. Refused, before anything is written, unless the initiator has fleet.cluster.request on the cluster.",
    examples: clusterDay2Examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z => z.string().describe('Cluster (ClusterDeployment) name'),
        namespace: z =>
          z
            .string()
            .optional()
            .describe(
              "The ClusterDeployment's namespace (default: the only one the GitOps repo files the cluster under)",
            ),
        operation: z => z.enum(DAY2_OPERATIONS).describe('What to do'),
        k0sVersion: z =>
          z
            .string()
            .optional()
            .describe('upgrade-k0s: target version, e.g. v1.32.1+k0s.0'),
        template: z =>
          z
            .string()
            .optional()
            .describe(
              "upgrade-template: a ClusterTemplate of the cluster's status.availableUpgrades",
            ),
        management: z =>
          z
            .string()
            .optional()
            .describe(
              "The management cluster holding the cluster, for the permission check and upgrade-template (default: the fleet's only one)",
            ),
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
      output: {
        ...changeOutputSchema,
        checkedAgainst: z =>
          z
            .string()
            .optional()
            .describe(
              'upgrade-template: where the offered upgrades and the values schema were read',
            ),
      },
    },
    async handler(ctx) {
      const input = validateDay2Input(ctx.input);
      const openRepo = (target: string) => repoAt(ctx.workspacePath, target);
      const credentials = () => ctx.getInitiatorCredentials();
      const { namespace } = readClusterDeployment(
        input,
        openRepo(input.targetPath),
      );
      await authorizeClusterRequests(
        options.permissions && {
          permissions: options.permissions,
          fleet: options.fleet,
        },
        credentials,
        [{ management: input.management, namespace, name: input.cluster }],
      );
      const facts =
        input.operation === 'upgrade-template'
          ? await templateUpgradeFacts(
              options.fleet,
              credentials,
              input,
              openRepo(input.targetPath),
            )
          : undefined;
      if (facts) ctx.logger.info(describeTemplateUpgrade(facts));
      const plan = planClusterDay2(ctx.input, openRepo, facts);
      await commitChanges(ctx, plan.targetPath, plan.changes);
      if (facts) ctx.output('checkedAgainst', describeTemplateUpgrade(facts));
    },
  });
}
