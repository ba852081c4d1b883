import {
  resolveSafeChildPath,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { checkoutGithub, checkoutLocal } from '../gitops/checkout';
import {
  commitAuthor,
  newRepositoryContent,
  publishingMode,
  readGitopsSettings,
} from '../gitops/gitopsConfig';
import { gitopsCheckoutExamples } from './gitopsCheckout.examples';

export const GITOPS_CHECKOUT_ACTION_ID = 'fleet:gitops:checkout';
export const DEFAULT_CHECKOUT_PATH = 'gitops';

export interface GitopsActionOptions {
  config: Config;
  /** Defaults to `ScmIntegrations.fromConfig(config)`. */
  integrations?: ScmIntegrationRegistry;
  /** What a relative `fleet.gitops.localRepository` is resolved against; default `process.cwd()`. */
  cwd?: string;
}

export function createGitopsCheckoutAction(
  options: GitopsActionOptions & { urlReader: UrlReaderService },
) {
  const integrations =
    options.integrations ?? ScmIntegrations.fromConfig(options.config);
  return createTemplateAction({
    id: GITOPS_CHECKOUT_ACTION_ID,
    description:
      "Checks out the GitOps repository's default branch into the workspace and tells the later steps how to publish: `github` (a pull request, when fleet.gitops.github.repoUrl is set and the GitHub integration has a token) or `local` (a branch of the local repository, created on first use).",
    examples: gitopsCheckoutExamples,
    supportsDryRun: true,
    schema: {
      input: {
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              `Folder of the workspace to check out into (default "${DEFAULT_CHECKOUT_PATH}")`,
            ),
      },
      output: {
        mode: z =>
          z.enum(['github', 'local']).describe('How the later steps publish'),
        repoUrl: z =>
          z
            .string()
            .describe(
              'github.com?owner=o&repo=r (github) or a file URL (local)',
            ),
        defaultBranch: z => z.string(),
        targetPath: z =>
          z.string().describe('Folder of the checkout in the workspace'),
        commit: z =>
          z.string().describe('The default branch commit that was checked out'),
        reviewers: z =>
          z.array(z.string()).describe('fleet.gitops.github.reviewers'),
        teamReviewers: z =>
          z.array(z.string()).describe('fleet.gitops.github.teamReviewers'),
      },
    },
    async handler(ctx) {
      const settings = readGitopsSettings(
        options.config,
        integrations,
        options.cwd ?? process.cwd(),
      );
      const mode = publishingMode(settings, integrations);
      const targetPath = ctx.input.targetPath ?? DEFAULT_CHECKOUT_PATH;
      const root = resolveSafeChildPath(ctx.workspacePath, targetPath);
      const result =
        mode === 'github'
          ? await checkoutGithub({
              urlReader: options.urlReader,
              target: settings.github!,
              defaultBranch: settings.defaultBranch,
              root,
              field: 'targetPath',
            })
          : await checkoutLocal({
              dir: settings.localRepository,
              defaultBranch: settings.defaultBranch,
              author: commitAuthor(options.config),
              initial: newRepositoryContent(settings),
              root,
              field: 'targetPath',
              dryRun: ctx.isDryRun === true,
            });
      ctx.logger.info(
        `Checked out ${settings.defaultBranch}${
          result.commit
            ? ` at ${result.commit.slice(0, 12)}`
            : ' (new repository)'
        } of ${result.repoUrl} into ${targetPath}; publishing mode ${mode}`,
      );
      ctx.output('mode', mode);
      ctx.output('repoUrl', result.repoUrl);
      ctx.output('defaultBranch', settings.defaultBranch);
      ctx.output('targetPath', targetPath);
      ctx.output('commit', result.commit);
      ctx.output('reviewers', settings.reviewers);
      ctx.output('teamReviewers', settings.teamReviewers);
    },
  });
}
