import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { existsSync } from 'node:fs';
import {
  commitAuthor,
  readGitopsSettings,
  skeletonFiles,
} from '../gitops/gitopsConfig';
import { publishToLocalBranch } from '../gitops/publishLocal';
import { readFolderFiles } from '../gitops/workspaceFiles';
import { DEFAULT_CHECKOUT_PATH, GitopsActionOptions } from './gitopsCheckout';
import { gitopsPublishLocalExamples } from './gitopsPublishLocal.examples';

export const GITOPS_PUBLISH_LOCAL_ACTION_ID = 'fleet:gitops:publish-local';

export function createGitopsPublishLocalAction(options: GitopsActionOptions) {
  const integrations =
    options.integrations ?? ScmIntegrations.fromConfig(options.config);
  return createTemplateAction({
    id: GITOPS_PUBLISH_LOCAL_ACTION_ID,
    description:
      'Commits the GitOps checkout in the workspace to a branch of the local repository (fleet.gitops.localRepository), one commit on top of the default branch. Retry-safe: a branch that already holds the same tree is reused without a new commit.',
    examples: gitopsPublishLocalExamples,
    supportsDryRun: true,
    schema: {
      input: {
        branchName: z =>
          z
            .string()
            .describe(
              'Branch to commit to (fleet:gitops:request output branchName)',
            ),
        commitMessage: z =>
          z
            .string()
            .describe(
              'Commit message (fleet:gitops:request output commitMessage)',
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              `Folder of the checkout in the workspace (default "${DEFAULT_CHECKOUT_PATH}")`,
            ),
        baseCommit: z =>
          z
            .string()
            .optional()
            .describe(
              'Commit the checkout started from (fleet:gitops:checkout output commit); default: the default branch head',
            ),
      },
      output: {
        branch: z => z.string(),
        commit: z =>
          z
            .string()
            .describe(
              "The branch's commit sha ('' in a dry run that would commit)",
            ),
        baseCommit: z => z.string(),
        reused: z =>
          z
            .boolean()
            .describe(
              'The branch already held this change; no commit was added',
            ),
        repository: z => z.string().describe('Path of the local repository'),
        diff: z =>
          z
            .string()
            .describe('Unified diff of the branch against the default branch'),
        files: z =>
          z
            .array(z.string())
            .describe('Paths added, modified or deleted, sorted'),
      },
    },
    async handler(ctx) {
      const settings = readGitopsSettings(
        options.config,
        integrations,
        options.cwd ?? process.cwd(),
      );
      const targetPath = ctx.input.targetPath ?? DEFAULT_CHECKOUT_PATH;
      const root = resolveSafeChildPath(ctx.workspacePath, targetPath);
      if (!existsSync(root)) {
        throw new InputError(
          `targetPath: no checkout at ${targetPath} in the workspace; run fleet:gitops:checkout first`,
        );
      }
      const result = await publishToLocalBranch({
        dir: settings.localRepository,
        defaultBranch: settings.defaultBranch,
        branch: ctx.input.branchName,
        baseCommit: ctx.input.baseCommit,
        files: readFolderFiles(root),
        initialFiles: skeletonFiles(settings),
        message: ctx.input.commitMessage,
        author: commitAuthor(options.config),
        dryRun: ctx.isDryRun === true,
      });
      const summary =
        result.files.map(f => `${f.type} ${f.path}`).join(', ') || 'no files';
      if (ctx.isDryRun)
        ctx.logger.info(
          `[dry run] would commit to ${result.branch}: ${summary}`,
        );
      else if (result.reused)
        ctx.logger.info(
          `Branch ${result.branch} already holds this change at ${result.commit}`,
        );
      else
        ctx.logger.info(
          `Committed ${result.commit} to ${result.branch} of ${settings.localRepository}: ${summary}`,
        );
      ctx.output('branch', result.branch);
      ctx.output('commit', result.commit);
      ctx.output('baseCommit', result.baseCommit);
      ctx.output('reused', result.reused);
      ctx.output('repository', settings.localRepository);
      ctx.output('diff', result.diff);
      ctx.output(
        'files',
        result.files.map(f => f.path),
      );
    },
  });
}
