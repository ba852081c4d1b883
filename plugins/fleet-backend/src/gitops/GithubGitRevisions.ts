import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type {
  FileMap,
  PendingCommit,
  PendingCommits,
} from '@fleet-portal/plugin-fleet-node';
import { githubGet, type GithubRepository } from './githubApi';
import type { GitRevisions } from './GitRevisions';

/** Pending commits shown per finding, as in local mode. */
const MAX_PENDING_SHOWN = 10;

interface GithubComparison {
  total_commits: number;
  /** Oldest first; GitHub lists at most 250. */
  commits: Array<{
    sha: string;
    parents: Array<{ sha: string }>;
    commit: { message: string; committer: { date: string } | null };
  }>;
}

/**
 * The GitOps repository's commits on GitHub: a commit's files through Backstage's
 * `UrlReaderService` (the GitHub integration's archive of that commit), the commits between two
 * revisions through the compare API with the same integration's credentials.
 */
export class GithubGitRevisions implements GitRevisions {
  readonly description: string;

  constructor(
    private readonly repository: GithubRepository,
    private readonly urlReader: UrlReaderService,
  ) {
    this.description = `the GitOps repository ${repository.owner}/${repository.repo} on ${repository.host}`;
  }

  async files(sha: string): Promise<FileMap> {
    const { host, owner, repo } = this.repository;
    const files: FileMap = new Map();
    try {
      const tree = await this.urlReader.readTree(
        `https://${host}/${owner}/${repo}/tree/${sha}`,
      );
      for (const file of await tree.files())
        files.set(file.path, await file.content());
    } catch (error) {
      const reason =
        (error as Error).name === 'NotFoundError'
          ? 'GitHub does not know it'
          : (error as Error).message;
      throw new Error(
        `commit ${sha.slice(0, 12)} could not be read from ${
          this.description
        } (${reason})`,
      );
    }
    return files;
  }

  /**
   * Walks `from`'s first-parent line within GitHub's comparison, as local mode walks the
   * repository: a pull request's own commits are not counted, its merge commit is.
   */
  async pending(
    from: string,
    to: string | undefined,
  ): Promise<PendingCommits | undefined> {
    if (!to) return undefined;
    if (from === to) return { commits: [], ahead: 0, truncated: false };
    const comparison = await githubGet<GithubComparison>(
      this.repository,
      `/compare/${to}...${from}?per_page=250`,
    );
    const bySha = new Map(comparison.commits.map(c => [c.sha, c]));
    const commits: PendingCommit[] = [];
    let ahead = 0;
    let sha: string | undefined = from;
    // A commit outside the comparison is one `to` holds already, unless GitHub cut the list short.
    for (
      let entry = bySha.get(sha);
      entry;
      entry = sha ? bySha.get(sha) : undefined
    ) {
      ahead += 1;
      if (commits.length < MAX_PENDING_SHOWN)
        commits.push({
          commit: entry.sha,
          title: entry.commit.message.split('\n')[0],
          committedAt: new Date(
            entry.commit.committer?.date ?? 0,
          ).toISOString(),
        });
      sha = entry.parents[0]?.sha;
    }
    if (sha && sha !== to && comparison.total_commits > bySha.size)
      return { commits, ahead, truncated: true };
    return { commits, ahead, truncated: false };
  }
}
