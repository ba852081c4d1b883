import type {
  GitopsRequestItem,
  RequestPullRequest,
} from '@fleet-portal/plugin-fleet-common';
import { isClusterDeploymentFileOf } from '@fleet-portal/plugin-fleet-node';
import { githubGet, type GithubRepository } from './githubApi';
import { toRequestItem } from './requestCommit';
import {
  revisionSha,
  type RequestProposal,
  type RequestSource,
} from './RequestSource';

/** The branches templates open pull requests from (`fleet/<template>/<hash>`). */
const REQUEST_BRANCH_PREFIX = 'fleet/';
/** Pull requests read per pass: the newest, a page of 100 at a time. */
const MAX_PAGES = 3;

interface GithubPull {
  number: number;
  html_url: string;
  state: 'open' | 'closed';
  created_at: string;
  closed_at: string | null;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { ref: string; sha: string };
}

/** The request behind a pull request, and its state, from the GitHub REST API. */
export class GithubRequestSource implements RequestSource {
  readonly reviewHint = 'review: merge the pull request on GitHub';
  private readonly contained = new Set<string>();
  /** Deleted files by `<number>@<head sha>`: a pull request's files change only with its head. */
  private readonly deleted = new Map<string, string[]>();

  constructor(private readonly repository: GithubRepository) {}

  private get<T>(path: string): Promise<T> {
    return githubGet<T>(this.repository, path);
  }

  async list(
    known: Map<string, GitopsRequestItem>,
  ): Promise<RequestProposal[]> {
    const { owner, repo } = this.repository;
    const pulls: GithubPull[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const batch = await this.get<GithubPull[]>(
        `/pulls?state=all&sort=created&direction=desc&per_page=100&page=${page}`,
      );
      pulls.push(...batch);
      if (batch.length < 100) break;
    }
    const proposals: RequestProposal[] = [];
    for (const pull of pulls) {
      if (!pull.head.ref.startsWith(REQUEST_BRANCH_PREFIX)) continue;
      const id = `github:${owner}/${repo}#${pull.number}`;
      const stored = known.get(id);
      const facts =
        stored && stored.commit === pull.head.sha
          ? stored
          : await this.readCommit(pull, id);
      if (!facts) continue;
      const source = `pull request #${pull.number}`;
      const state: RequestPullRequest['state'] = pull.merged_at
        ? 'merged'
        : pull.state;
      const {
        journey: _journey,
        clusterId: _clusterId,
        ...rest
      } = facts as GitopsRequestItem;
      proposals.push({
        ...rest,
        id,
        merged: state === 'merged',
        pullRequest: { number: pull.number, url: pull.html_url, state },
        merge:
          pull.merged_at && pull.merge_commit_sha
            ? { commit: pull.merge_commit_sha, at: pull.merged_at, source }
            : undefined,
        closedWithoutMerge:
          state === 'closed'
            ? { at: pull.closed_at ?? pull.created_at, source }
            : undefined,
        deletedFiles: await this.deletedClusterFiles(pull, rest.cluster),
        openedSource: source,
      });
    }
    return proposals;
  }

  private async readCommit(pull: GithubPull, id: string) {
    const commit = await this.get<{
      sha: string;
      commit: { message: string; committer: { date: string } };
    }>(`/commits/${pull.head.sha}`);
    return toRequestItem(
      {
        branch: pull.head.ref,
        commit: commit.sha,
        title: commit.commit.message.split('\n')[0],
        message: commit.commit.message,
        committedAt: new Date(commit.commit.committer.date).toISOString(),
        merged: Boolean(pull.merged_at),
      },
      id,
    );
  }

  /** The cluster's ClusterDeployment file, when the pull request deletes it (decommissioning). */
  private async deletedClusterFiles(
    pull: GithubPull,
    cluster: string | undefined,
  ): Promise<string[]> {
    if (!cluster) return [];
    const key = `${pull.number}@${pull.head.sha}`;
    const known = this.deleted.get(key);
    if (known) return known;
    const files = await this.get<Array<{ filename: string; status: string }>>(
      `/pulls/${pull.number}/files?per_page=100`,
    );
    const deleted = files
      .filter(
        f =>
          f.status === 'removed' &&
          isClusterDeploymentFileOf(f.filename, cluster),
      )
      .map(f => f.filename);
    if (this.deleted.size > 10_000) this.deleted.clear();
    this.deleted.set(key, deleted);
    return deleted;
  }

  async contains(revision: string, commit: string): Promise<boolean> {
    const sha = revisionSha(revision);
    if (!sha) return false;
    if (sha === commit) return true;
    const key = `${sha} ${commit}`;
    if (this.contained.has(key)) return true;
    const comparison = await this.get<{ status: string }>(
      `/compare/${commit}...${sha}`,
    ).catch(() => undefined);
    const answer =
      comparison?.status === 'ahead' || comparison?.status === 'identical';
    if (answer) this.contained.add(key);
    return answer;
  }
}
