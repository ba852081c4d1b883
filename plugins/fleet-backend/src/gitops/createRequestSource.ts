import type { Config } from '@backstage/config';
import { githubRepositoryFromConfig } from './githubApi';
import { GithubRequestSource } from './GithubRequestSource';
import type { RequestsSettings } from './gitopsSettings';
import { LocalRequestSource } from './LocalRequestSource';
import type { RequestSource } from './RequestSource';

/** Where requests are read: the local repository, or the pull requests of the GitHub repository. */
export function createRequestSource(
  config: Config,
  settings: RequestsSettings,
): RequestSource {
  if (settings.mode === 'local') return new LocalRequestSource(settings);
  return new GithubRequestSource(githubRepositoryFromConfig(config));
}
