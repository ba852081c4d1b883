import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { RepoReader } from '../gitops/changeSet';
import { repoAt } from '../gitops/commit';
import type { FleetHttpAccess } from '../fleet/fleetHttp';
import {
  authorizeClusterRequests,
  type ClusterRequestAccess,
} from '../fleet/requestPermission';
import { joinTokenVariable, vmPath } from '@fleet-portal/plugin-fleet-node';
import { ManifestPlan, planManifestFiles } from '../gitops/manifestFiles';
import { RequestInfo } from '../manifests/types';
import { buildVirtualMachine } from '../manifests/virtualMachine';
import { numberToIPv4, validateVmInput, VmInput } from '../validation/vmInput';
import { changeOutputSchema, imageReferenceOutputSchema } from './outputSchema';
import { runManifestPlan } from './runManifestPlan';
import {
  ResolvedImageReference,
  resolveImageReference,
} from './vmImageReference';
import { clustersTheVmsJoin } from './vmCluster';
import { vmManifestExamples } from './vmManifest.examples';

export const VM_MANIFEST_ACTION_ID = 'fleet:vm:manifest';

export function vmNames(input: Pick<VmInput, 'pool' | 'count'>): string[] {
  if (input.count === undefined) return [input.pool];
  return Array.from(
    { length: input.count },
    (_, i) => `${input.pool}-${i + 1}`,
  );
}

export interface VmManifestPlan extends ManifestPlan {
  /** The reference the VMs record on their nodes, and where it was read. */
  image: ResolvedImageReference;
}

export function planVmManifest(
  rawInput: unknown,
  request: RequestInfo,
  openRepo: (targetPath: string) => RepoReader,
): VmManifestPlan {
  const input = validateVmInput(rawInput);
  const repo = openRepo(input.targetPath);
  const image = resolveImageReference(input, repo);
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
        imageReference: image.reference,
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
    const path = vmPath(input.namespace, input.cluster, name);
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
    image,
  };
}

export interface VmManifestActionOptions {
  /**
   * Checks `fleet.cluster.request` on the cluster the VMs join, as the initiator, before
   * anything is planned or written. Without it no check is made; the scaffolder module always
   * passes it.
   */
  permissions?: ClusterRequestAccess['permissions'];
  /** The fleet backend: the cluster's management cluster (and namespace, when Git files none). */
  fleet?: FleetHttpAccess;
}

export function createVmManifestAction(options: VmManifestActionOptions = {}) {
  return createTemplateAction({
    id: VM_MANIFEST_ACTION_ID,
    description:
      'Writes VirtRigaud VirtualMachines (one, or a pool <name>-1..N) with their Kairos cloud-config Secrets into vms/<namespace>/<cluster>/ of the GitOps checkout. The image reference the nodes record is read from the VMImage in the checkout (images/<namespace>/<image>.yaml), which must pin a digest. The k0s join token is never written: the cloud-config holds a Flux substitution variable filled from the referenced Secret. Refused, before anything is written, unless the initiator has fleet.cluster.request on the cluster the VMs join.',
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
            .optional()
            .describe(
              "The VMImage's OCI reference, repo@sha256:<digest>. Default: read from the VMImage in the checkout (images/<namespace>/<image>.yaml); when given, it must be the one that VMImage pins",
            ),
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
        management: z =>
          z
            .string()
            .optional()
            .describe(
              "The management cluster holding the cluster, for the permission check (default: the fleet's only one)",
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder of the GitOps checkout inside the workspace (default ".")',
            ),
      },
      output: { ...changeOutputSchema, ...imageReferenceOutputSchema },
    },
    async handler(ctx) {
      const { permissions, fleet } = options;
      if (permissions) {
        const input = validateVmInput(ctx.input);
        const credentials = () => ctx.getInitiatorCredentials();
        const repo = repoAt(ctx.workspacePath, input.targetPath);
        await authorizeClusterRequests(
          { permissions, fleet },
          credentials,
          (
            await clustersTheVmsJoin(input.cluster, repo, fleet, credentials)
          ).map(joined => ({
            ...joined,
            management: joined.management ?? input.management,
          })),
        );
      }
      const { image } = await runManifestPlan(ctx, planVmManifest);
      ctx.logger.info(
        `Image reference ${image.reference}, from ${image.source}`,
      );
      ctx.output('imageReference', image.reference);
      ctx.output('imageReferenceSource', image.source);
    },
  });
}
