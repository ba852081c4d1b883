import type { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';

/** Where the GitOps repository lives on GitHub, and how to call its API. */
export interface GithubRepository {
  /** The web host, e.g. `github.com`: repository URLs are `https://<host>/<owner>/<repo>`. */
  host: string;
  /** e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiBaseUrl: string;
  owner: string;
  repo: string;
  /** Authorization headers from the GitHub integration; never logged or returned. */
  headers: () => Promise<Record<string, string>>;
}

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

/** The repository of `fleet.gitops.github.repoUrl`, called with the GitHub integration's credentials. */
export function githubRepositoryFromConfig(config: Config): GithubRepository {
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
  return {
    host,
    apiBaseUrl: integration.config.apiBaseUrl,
    owner,
    repo,
    headers: async () =>
      (
        await credentials.getCredentials({
          url: `https://${host}/${owner}/${repo}`,
        })
      ).headers ?? {},
  };
}

/** GET `/repos/<owner>/<repo><path>` of the GitHub REST API; an error names the status, never the token. */
export async function githubGet<T>(
  repository: GithubRepository,
  path: string,
): Promise<T> {
  const { apiBaseUrl, owner, repo } = repository;
  const url = `${apiBaseUrl.replace(/\/$/, '')}/repos/${owner}/${repo}${path}`;
  const response = await fetch(url, {
    headers: {
      accept: 'application/vnd.github+json',
      ...(await repository.headers()),
    },
  });
  if (!response.ok)
    throw new Error(
      `GitHub answered ${response.status} to GET /repos/${owner}/${repo}${
        path.split('?')[0]
      }`,
    );
  return (await response.json()) as T;
}
