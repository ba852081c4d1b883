import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { RepoReader } from '../gitops/changeSet';
import { imagePath } from '@fleet-portal/plugin-fleet-node';
import { ManifestPlan, planManifestFiles } from '../gitops/manifestFiles';
import { RequestInfo } from '../manifests/types';
import {
  buildVMImage,
  IMAGE_ARCHITECTURES,
  IMAGE_FORMATS,
} from '../manifests/vmImage';
import { validateImageInput } from '../validation/imageInput';
import { imageManifestExamples } from './imageManifest.examples';
import { changeOutputSchema } from './outputSchema';
import { runManifestPlan } from './runManifestPlan';

export const IMAGE_MANIFEST_ACTION_ID = 'fleet:image:manifest';

export function planImageManifest(
  rawInput: unknown,
  request: RequestInfo,
  openRepo: (targetPath: string) => RepoReader,
): ManifestPlan {
  const input = validateImageInput(rawInput);
  const path = imagePath(input.namespace, input.name);
  const files = [
    {
      path,
      objects: [buildVMImage(input, request)],
      conflictMessage: `image ${input.name} already exists in the GitOps repo with other content (${path}); images are immutable, register a new name`,
    },
  ];
  return {
    files,
    changes: planManifestFiles(files, openRepo(input.targetPath)),
    targetPath: input.targetPath,
  };
}

export function createImageManifestAction() {
  return createTemplateAction({
    id: IMAGE_MANIFEST_ACTION_ID,
    description:
      'Writes a VirtRigaud VMImage pinning a Kairos OCI image by digest into images/<namespace>/ of the GitOps checkout. Tag-only references are rejected.',
    examples: imageManifestExamples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string().describe('VMImage name, an RFC 1123 label'),
        namespace: z => z.string().describe('Namespace of the VMImage'),
        image: z =>
          z
            .string()
            .describe('OCI reference pinned by digest: repo@sha256:<64 hex>'),
        format: z =>
          z
            .enum(IMAGE_FORMATS)
            .optional()
            .describe('Disk format (default qcow2)'),
        architecture: z =>
          z
            .enum(IMAGE_ARCHITECTURES)
            .optional()
            .describe('CPU architecture (default amd64)'),
        version: z =>
          z.string().optional().describe('Kairos release, e.g. v3.2.1'),
        displayName: z => z.string().optional(),
        pullSecret: z =>
          z.string().optional().describe('Secret with registry credentials'),
        cluster: z =>
          z
            .string()
            .optional()
            .describe('Cluster the image is registered for (label)'),
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
      await runManifestPlan(ctx, planImageManifest);
    },
  });
}
