import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  GitopsRequestItem,
  GitopsRequestListResponse,
  MergeRequestResponse,
} from '@internal/plugin-fleet-common';
import {
  findLocalRepository,
  type GitAuthor,
  listRequestBranches,
  mergeBranch,
} from '@internal/plugin-fleet-node';
import { concernsCluster, toRequestItem } from './requestCommit';
import type { RequestsSettings } from './gitopsSettings';

export interface ListRequestsOptions {
  /** Only requests about this cluster (by name). */
  cluster?: string;
  /** Include requests already merged. */
  includeMerged?: boolean;
}

/** Deterministic Git identity of a portal user: `jane.doe <jane.doe@users.fleet-portal.local>`. */
export function userGitAuthor(userEntityRef: string): GitAuthor {
  const { namespace, name } = parseEntityRef(userEntityRef);
  const local = namespace === 'default' ? name : `${name}.${namespace}`;
  return { name, email: `${local}@users.fleet-portal.local` };
}

/** The requests templates committed to the local GitOps repository, and merging them. */
export class GitopsRequests {
  constructor(private readonly settings: RequestsSettings) {}

  get mode() {
    return this.settings.mode;
  }

  async list(
    options: ListRequestsOptions = {},
  ): Promise<GitopsRequestListResponse> {
    if (this.settings.mode === 'github') return { mode: 'github', items: [] };
    return {
      mode: 'local',
      items: (await this.readAll()).filter(
        item =>
          (options.includeMerged || !item.merged) &&
          (!options.cluster || concernsCluster(item, options.cluster)),
      ),
    };
  }

  /** Merges the request's branch into the default branch as `userEntityRef`. */
  async merge(
    branch: string,
    userEntityRef: string,
  ): Promise<MergeRequestResponse> {
    if (this.settings.mode === 'github') {
      throw new ConflictError(
        'merging happens on GitHub: merge the pull request there',
      );
    }
    const { defaultBranch } = this.settings;
    if (branch === defaultBranch) {
      throw new InputError(
        `branch: ${branch} is the default branch; name a request's branch`,
      );
    }
    const repo = findLocalRepository(this.settings.localRepository);
    const request = repo
      ? (await this.readAll()).find(item => item.branch === branch)
      : undefined;
    if (!repo || !request) {
      throw new NotFoundError(
        `no request branch ${branch} in the GitOps repository: it may have been deleted; file the request again`,
      );
    }
    return mergeBranch(repo, {
      branch,
      defaultBranch,
      author: userGitAuthor(userEntityRef),
      message: [
        `Merge request ${branch}`,
        '',
        request.title,
        '',
        `Merged-by: ${userEntityRef}`,
        '',
      ].join('\n'),
    });
  }

  private async readAll(): Promise<GitopsRequestItem[]> {
    const repo = findLocalRepository(this.settings.localRepository);
    if (!repo) return [];
    const branches = await listRequestBranches(
      repo,
      this.settings.defaultBranch,
    );
    return branches.flatMap(branch => toRequestItem(branch) ?? []);
  }
}
