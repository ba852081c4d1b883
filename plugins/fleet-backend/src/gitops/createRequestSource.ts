import type { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { GithubRequestSource } from './GithubRequestSource';
import type { RequestsSettings } from './gitopsSettings';
import { LocalRequestSource } from './LocalRequestSource';
import type { RequestSource } from './RequestSource';

/** `github.com?owner=o&repo=r` → its parts, as the scaffolder's `parseRepoUrl` reads them. */
export function parseGithubRepoUrl(repoUrl: string): {
  host: string;
  owner: string;
  repo: string;
} {
  const url = new URL(`https://${repoUrl}`);
  const owner = url.searchParams.get('owner');
  const repo = url.searchParams.get('repo');
  if (!owner || !repo)
    throw new Error(
      `fleet.gitops.github.repoUrl ${repoUrl} must name ?owner=<owner>&repo=<repo>`,
    );
  return { host: url.host, owner, repo };
}

/** Where requests are read: the local repository, or the pull requests of the GitHub repository. */
export function createRequestSource(
  config: Config,
  settings: RequestsSettings,
): RequestSource {
  if (settings.mode === 'local') return new LocalRequestSource(settings);
  const { host, owner, repo } = parseGithubRepoUrl(
    config.getString('fleet.gitops.github.repoUrl'),
  );
  const integrations = ScmIntegrations.fromConfig(config);
  const integration = integrations.github.byHost(host);
  if (!integration?.config.apiBaseUrl)
    throw new Error(
      `no GitHub integration with an API URL for ${host} (integrations.github)`,
    );
  const credentials =
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  return new GithubRequestSource({
    apiBaseUrl: integration.config.apiBaseUrl,
    owner,
    repo,
    headers: async () =>
      (
        await credentials.getCredentials({
          url: `https://${host}/${owner}/${repo}`,
        })
      ).headers ?? {},
  });
}
