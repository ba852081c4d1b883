import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import {
  DEFAULT_FLUX_SOURCE_URL,
  FileMap,
  repositorySkeletonFiles,
  SKELETON_COMMIT_MESSAGE,
} from '@fleet-portal/plugin-fleet-node';
import { isAbsolute, resolve } from 'node:path';

export type PublishingMode = 'github' | 'local';

export interface GithubTarget {
  /** `github.com?owner=o&repo=r`, as `publish:github:pull-request` takes it. */
  repoUrl: string;
  host: string;
  owner: string;
  repo: string;
}

/** `fleet.gitops` read from config, paths resolved. */
export interface GitopsSettings {
  /** Absolute path of the local repository. */
  localRepository: string;
  defaultBranch: string;
  github?: GithubTarget;
  reviewers: string[];
  teamReviewers: string[];
  /** What the repository's Flux GitRepository fetches (`fleet.gitops.fluxSourceUrl`). */
  fluxSourceUrl: string;
}

export const DEFAULT_LOCAL_REPOSITORY = '.fleet-portal/gitops-repo';
export const DEFAULT_BRANCH = 'main';

export function parseGithubRepoUrl(
  repoUrl: string,
  integrations: ScmIntegrationRegistry,
): GithubTarget {
  const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
  if (!owner || !repo) {
    throw new InputError(
      `fleet.gitops.github.repoUrl: must name an owner and a repo, e.g. github.com?owner=acme&repo=fleet-gitops (got ${repoUrl})`,
    );
  }
  return {
    repoUrl: `${host}?owner=${encodeURIComponent(
      owner,
    )}&repo=${encodeURIComponent(repo)}`,
    host,
    owner,
    repo,
  };
}

/** Reads `fleet.gitops.*`; `cwd` is what relative `localRepository` paths are resolved against. */
export function readGitopsSettings(
  config: Config,
  integrations: ScmIntegrationRegistry,
  cwd: string,
): GitopsSettings {
  const gitops = config.getOptionalConfig('fleet.gitops');
  const local =
    gitops?.getOptionalString('localRepository') ?? DEFAULT_LOCAL_REPOSITORY;
  const repoUrl = gitops?.getOptionalString('github.repoUrl');
  return {
    localRepository: isAbsolute(local) ? local : resolve(cwd, local),
    defaultBranch: gitops?.getOptionalString('defaultBranch') ?? DEFAULT_BRANCH,
    github: repoUrl ? parseGithubRepoUrl(repoUrl, integrations) : undefined,
    reviewers: gitops?.getOptionalStringArray('github.reviewers') ?? [],
    teamReviewers: gitops?.getOptionalStringArray('github.teamReviewers') ?? [],
    fluxSourceUrl:
      gitops?.getOptionalString('fluxSourceUrl') ??
      (repoUrl
        ? githubCloneUrl(parseGithubRepoUrl(repoUrl, integrations))
        : DEFAULT_FLUX_SOURCE_URL),
  };
}

/**
 * `github` when a GitHub repository is configured and the integration for its host has a token
 * (pull requests need credentials); otherwise `local`.
 */
export function publishingMode(
  settings: GitopsSettings,
  integrations: ScmIntegrationRegistry,
): PublishingMode {
  if (!settings.github) return 'local';
  const token = integrations.github.byHost(settings.github.host)?.config.token;
  return token ? 'github' : 'local';
}

/** The Git author of local commits: `scaffolder.defaultAuthor`, else Fleet Portal. */
export function commitAuthor(config: Config): { name: string; email: string } {
  return {
    name:
      config.getOptionalString('scaffolder.defaultAuthor.name') ??
      'Fleet Portal',
    email:
      config.getOptionalString('scaffolder.defaultAuthor.email') ??
      'fleet-portal@localhost',
  };
}

function githubCloneUrl(target: GithubTarget): string {
  return `https://${target.host}/${target.owner}/${target.repo}.git`;
}

/** The files a new GitOps repository starts with, for these settings. */
export function skeletonFiles(settings: GitopsSettings): FileMap {
  return repositorySkeletonFiles({
    sourceUrl: settings.fluxSourceUrl,
    defaultBranch: settings.defaultBranch,
  });
}

/** What `ensureLocalRepository` commits first when the local repository does not exist yet. */
export function newRepositoryContent(settings: GitopsSettings) {
  return () => ({
    files: skeletonFiles(settings),
    message: SKELETON_COMMIT_MESSAGE,
  });
}
