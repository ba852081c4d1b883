import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { buildGitopsRequest, GitopsRequest } from '../gitops/request';
import { gitopsRequestExamples } from './gitopsRequest.examples';

export const GITOPS_REQUEST_ACTION_ID = 'fleet:gitops:request';

export const TEMPLATE_VERSION_ANNOTATION = 'fleetportal.io/template-version';

export interface TemplateMetadata {
  name?: string;
  namespace?: string;
  title?: string;
  annotations?: Record<string, string>;
}

export interface RequestActionInput {
  templateVersion?: string;
  inputs: Record<string, unknown>;
  publicInputs?: string[];
  summary?: string;
  files?: string[];
}

export interface RequestContext {
  templateEntityRef?: string;
  templateMetadata?: TemplateMetadata;
  userRef?: string;
  secrets?: Record<string, string | undefined>;
}

/** Validates the input against what the scaffolder knows about the task, then builds the request; pure. */
export function planGitopsRequest(
  input: RequestActionInput,
  context: RequestContext,
): GitopsRequest & {
  templateRef: string;
  templateVersion: string;
  requestedBy: string;
} {
  const metadata = context.templateMetadata ?? {};
  const fromRef = context.templateEntityRef
    ? parseEntityRef(context.templateEntityRef)
    : undefined;
  // The dry-run API names every template `template:default/dry-run`; the entity metadata is the real one.
  const templateName = metadata.name ?? fromRef?.name;
  if (!templateName)
    throw new InputError(
      'the task has no template; fleet:gitops:request runs inside a template',
    );
  const templateRef = `template:${
    metadata.namespace ?? fromRef?.namespace ?? 'default'
  }/${templateName}`;
  const annotated = metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION];
  const templateVersion = input.templateVersion ?? annotated;
  if (!templateVersion) {
    throw new InputError(
      `templateVersion: required (the template's ${TEMPLATE_VERSION_ANNOTATION} annotation)`,
    );
  }
  if (annotated !== undefined && annotated !== templateVersion) {
    throw new InputError(
      `templateVersion: ${templateVersion} differs from the template's ${TEMPLATE_VERSION_ANNOTATION} annotation ${annotated}`,
    );
  }
  if (
    input.inputs === null ||
    typeof input.inputs !== 'object' ||
    Array.isArray(input.inputs)
  ) {
    throw new InputError('inputs: must be an object (pass ${{ parameters }})');
  }
  const requestedBy = context.userRef ?? 'unknown';
  const request = buildGitopsRequest({
    templateName,
    templateRef,
    templateTitle: metadata.title ?? templateName,
    templateVersion,
    requestedBy,
    inputs: input.inputs,
    publicInputs: input.publicInputs ?? [],
    secretValues: Object.values(context.secrets ?? {}).filter(
      (v): v is string => typeof v === 'string',
    ),
    summary: input.summary,
    files: input.files ?? [],
  });
  return { ...request, templateRef, templateVersion, requestedBy };
}

export function createGitopsRequestAction() {
  return createTemplateAction({
    id: GITOPS_REQUEST_ACTION_ID,
    description:
      'Derives, deterministically from the task, the branch name, pull request title and body, and commit message (with Requested-by, Template, Template-version and Inputs trailers) of a GitOps change. Secret-looking inputs and the task secrets are never included.',
    examples: gitopsRequestExamples,
    supportsDryRun: true,
    schema: {
      input: {
        templateVersion: z =>
          z
            .string()
            .optional()
            .describe(
              "The template's fleetportal.io/template-version annotation, passed as a literal",
            ),
        inputs: z =>
          z
            .record(z.string(), z.any())
            .describe('What the requester entered: ${{ parameters }}'),
        publicInputs: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Input keys that look secret (secret, token, password, …key) but are safe to record, e.g. joinTokenSecret',
            ),
        summary: z =>
          z
            .string()
            .optional()
            .describe('What is requested in a few words; ends the PR title'),
        files: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Paths the manifest steps changed (their `files` outputs)',
            ),
      },
      output: {
        branchName: z =>
          z.string().describe('fleet/<template>/<hash of template and inputs>'),
        title: z => z.string(),
        body: z => z.string().describe('Pull request body, Markdown'),
        commitMessage: z => z.string(),
        templateRef: z => z.string(),
        templateVersion: z => z.string(),
        requestedBy: z => z.string(),
        inputs: z =>
          z.record(z.string(), z.any()).describe('The inputs as recorded'),
      },
    },
    async handler(ctx) {
      const plan = planGitopsRequest(ctx.input as RequestActionInput, {
        templateEntityRef: ctx.templateInfo?.entityRef,
        templateMetadata: ctx.templateInfo?.entity?.metadata as
          | TemplateMetadata
          | undefined,
        userRef: ctx.user?.ref,
        secrets: ctx.secrets,
      });
      ctx.logger.info(`Request branch ${plan.branchName}: ${plan.title}`);
      ctx.output('branchName', plan.branchName);
      ctx.output('title', plan.title);
      ctx.output('body', plan.body);
      ctx.output('commitMessage', plan.commitMessage);
      ctx.output('templateRef', plan.templateRef);
      ctx.output('templateVersion', plan.templateVersion);
      ctx.output('requestedBy', plan.requestedBy);
      ctx.output('inputs', plan.recordedInputs);
    },
  });
}
