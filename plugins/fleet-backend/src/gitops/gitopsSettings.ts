import type { Config } from '@backstage/config';
import type { GitopsRequestsMode } from '@fleet-portal/plugin-fleet-common';
import { isAbsolute, resolve } from 'node:path';

/** What the requests routes need of `fleet.gitops` (declared by the scaffolder module's schema). */
export interface RequestsSettings {
  mode: GitopsRequestsMode;
  /** Absolute path of the local repository. */
  localRepository: string;
  defaultBranch: string;
}

/** The scaffolder module's defaults: the two must agree on where requests are committed. */
const DEFAULT_LOCAL_REPOSITORY = '.fleet-portal/gitops-repo';
const DEFAULT_BRANCH = 'main';
const DEFAULT_GITHUB_HOST = 'github.com';

/** The host of `github.com?owner=o&repo=r`, as the scaffolder's `parseRepoUrl` reads it. */
function repoUrlHost(repoUrl: string): string | undefined {
  try {
    return new URL(`https://${repoUrl}`).host;
  } catch {
    return undefined;
  }
}

/**
 * The templates' publishing mode, decided as the scaffolder module decides it: `github` when
 * `fleet.gitops.github.repoUrl` is set and the GitHub integration for its host has a token.
 */
function requestsMode(config: Config): GitopsRequestsMode {
  const repoUrl = config.getOptionalString('fleet.gitops.github.repoUrl');
  if (!repoUrl) return 'local';
  const host = repoUrlHost(repoUrl);
  const integration = (
    config.getOptionalConfigArray('integrations.github') ?? []
  ).find(
    entry => (entry.getOptionalString('host') ?? DEFAULT_GITHUB_HOST) === host,
  );
  return integration?.getOptionalString('token') ? 'github' : 'local';
}

/** Reads the settings; `cwd` is what a relative `localRepository` is resolved against. */
export function readRequestsSettings(
  config: Config,
  cwd: string,
): RequestsSettings {
  const local =
    config.getOptionalString('fleet.gitops.localRepository') ??
    DEFAULT_LOCAL_REPOSITORY;
  return {
    mode: requestsMode(config),
    localRepository: isAbsolute(local) ? local : resolve(cwd, local),
    defaultBranch:
      config.getOptionalString('fleet.gitops.defaultBranch') ?? DEFAULT_BRANCH,
  };
}
