import { FLEET_ANNOTATIONS } from '@internal/plugin-fleet-common';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseAllDocuments } from 'yaml';
import { RepoReader } from '../gitops/changeSet';
import {
  imagePath,
  joinTokenVariable,
  vmPath,
} from '@internal/plugin-fleet-node';
import { ManifestPlan, planManifestFiles } from '../gitops/manifestFiles';
import { RequestInfo } from '../manifests/types';
import { buildVirtualMachine } from '../manifests/virtualMachine';
import { numberToIPv4, validateVmInput, VmInput } from '../validation/vmInput';
import { PARSE_OPTIONS } from '@internal/plugin-fleet-node';
import { changeOutputSchema } from './outputSchema';
import { runManifestPlan } from './runManifestPlan';
import { vmManifestExamples } from './vmManifest.examples';

export const VM_MANIFEST_ACTION_ID = 'fleet:vm:manifest';

export function vmNames(input: Pick<VmInput, 'pool' | 'count'>): string[] {
  if (input.count === undefined) return [input.pool];
  return Array.from(
    { length: input.count },
    (_, i) => `${input.pool}-${i + 1}`,
  );
}

/** When the VMImage is in the repo, the reference the node annotation records must be its image. */
function assertImageMatches(input: VmInput, repo: RepoReader): void {
  const path = imagePath(input.namespace, input.image);
  const text = repo.read(path);
  if (text === undefined) return;
  let image: any;
  try {
    image = parseAllDocuments(text, PARSE_OPTIONS)
      .map(doc => doc.toJS() as any)
      .find(
        object =>
          object?.kind === 'VMImage' && object?.metadata?.name === input.image,
      );
  } catch (error) {
    throw new InputError(
      `${path} in the GitOps repo is not valid YAML: ${
        (error as Error).message
      }`,
    );
  }
  // The digest pin lives in the annotation; registry.image only holds the repo:tag VirtRigaud pulls.
  const registered =
    image?.metadata?.annotations?.[FLEET_ANNOTATIONS.nodeImageRef] ??
    image?.spec?.source?.registry?.image;
  if (registered !== undefined && registered !== input.imageReference) {
    throw new InputError(
      `imageReference: must be the reference VMImage ${input.image} pins (${path} has ${registered})`,
    );
  }
}

export function planVmManifest(
  rawInput: unknown,
  request: RequestInfo,
  openRepo: (targetPath: string) => RepoReader,
): ManifestPlan {
  const input = validateVmInput(rawInput);
  const repo = openRepo(input.targetPath);
  assertImageMatches(input, repo);
  const variable = joinTokenVariable(input.cluster, input.role);
  const files = vmNames(input).map((name, index) => {
    const objects = buildVirtualMachine(
      {
        name,
        namespace: input.namespace,
        cluster: input.cluster,
        pool: input.pool,
        role: input.role,
        provider: input.provider,
        vmClass: input.vmClass,
        image: input.image,
        imageReference: input.imageReference,
        networks: input.networks.map(({ poolAddress, ...network }) =>
          poolAddress
            ? {
                ...network,
                ipAddress: numberToIPv4(poolAddress.first + index),
                prefix: poolAddress.prefix,
              }
            : network,
        ),
        users: input.users,
        joinTokenVariable: variable,
        joinTokenSecret: input.joinTokenSecret,
      },
      request,
    );
    const path = vmPath(input.cluster, name);
    return {
      path,
      objects,
      conflictMessage: `VM ${name} of cluster ${input.cluster} already exists in the GitOps repo (${path})`,
    };
  });
  return {
    files,
    changes: planManifestFiles(files, repo),
    targetPath: input.targetPath,
  };
}

export function createVmManifestAction() {
  return createTemplateAction({
    id: VM_MANIFEST_ACTION_ID,
    description:
      'Writes VirtRigaud VirtualMachines (one, or a pool <name>-1..N) with their Kairos cloud-config Secrets into vms/<cluster>/ of the GitOps checkout. The k0s join token is never written: the cloud-config holds a Flux substitution variable filled from the referenced Secret.',
    examples: vmManifestExamples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z =>
          z
            .string()
            .describe('Cluster the nodes join (label fleetportal.io/cluster)'),
        namespace: z => z.string().describe('Namespace of the VirtualMachines'),
        name: z =>
          z
            .string()
            .describe(
              'VM name, or pool name when count is given (label fleetportal.io/pool)',
            ),
        count: z =>
          z
            .number()
            .int()
            .optional()
            .describe('Pool size N: VMs <name>-1..<name>-N (1-50)'),
        role: z =>
          z.enum(['controller', 'worker']).describe('k0s role of the nodes'),
        provider: z => z.string().describe('VirtRigaud Provider name'),
        vmClass: z => z.string().describe('VirtRigaud VMClass name'),
        image: z => z.string().describe('VMImage name'),
        imageReference: z =>
          z
            .string()
            .describe("The VMImage's OCI reference, repo@sha256:<digest>"),
        networks: z =>
          z
            .array(
              z.object({
                name: z.string(),
                networkRef: z.string().optional(),
                address: z
                  .string()
                  .optional()
                  .describe(
                    'Static IPv4/prefix of the first VM; the pool counts up',
                  ),
                gateway: z.string().optional(),
                dns: z.array(z.string()).optional(),
              }),
            )
            .describe('Network attachments'),
        users: z =>
          z
            .array(
              z.object({
                name: z.string(),
                sshAuthorizedKeys: z.array(z.string()),
                groups: z.array(z.string()).optional(),
              }),
            )
            .describe('Login users of the nodes'),
        joinTokenSecret: z =>
          z
            .string()
            .describe(
              'Secret (management cluster) holding the join token under FLEET_JOIN_TOKEN_<CLUSTER>_<ROLE>',
            ),
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
      await runManifestPlan(ctx, planVmManifest);
    },
  });
}
