import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  GitopsRequestListResponse,
  MergeRequestResponse,
  RequestState,
} from '@fleet-portal/plugin-fleet-common';
import {
  findLocalRepository,
  type GitAuthor,
  mergeBranch,
} from '@fleet-portal/plugin-fleet-node';
import type { RequestsSettings } from './gitopsSettings';
import type { RequestStore } from './RequestStore';
import type { RequestTracker } from './RequestTracker';

export interface ListRequestsOptions {
  /** Only requests about this cluster (by name). */
  cluster?: string;
  /** `open`: not merged yet; `active`: not reconciled yet; `all`. Default `open`. */
  state?: 'open' | 'active' | 'all';
  /** Only the requests of this user entity ref. */
  requestedBy?: string;
}

const STATES_OF: Record<'open' | 'active', RequestState[]> = {
  open: ['opened'],
  active: ['opened', 'merged', 'applied', 'failed'],
};

/** Deterministic Git identity of a portal user: `jane.doe <jane.doe@users.fleet-portal.local>`. */
export function userGitAuthor(userEntityRef: string): GitAuthor {
  const { namespace, name } = parseEntityRef(userEntityRef);
  const local = namespace === 'default' ? name : `${name}.${namespace}`;
  return { name, email: `${local}@users.fleet-portal.local` };
}

/** The templates' requests with their journeys, and merging them in local mode. */
export class GitopsRequests {
  private tracking?: ReturnType<RequestTracker['track']>;

  constructor(
    private readonly settings: RequestsSettings,
    private readonly store: RequestStore,
    private readonly tracker: RequestTracker,
  ) {}

  get mode() {
    return this.settings.mode;
  }

  /** Follows every request one step (after a refresh, and before a list in local mode).
   * A pass starts after any pass in flight ends: passes never overlap. */
  async track() {
    const pass = (this.tracking ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.tracker.track());
    this.tracking = pass;
    return pass;
  }

  async list(
    options: ListRequestsOptions = {},
  ): Promise<GitopsRequestListResponse> {
    // A request committed a moment ago shows at once (the local repository is cheap to read);
    // GitHub is only read after refreshes.
    if (this.settings.mode === 'local') await this.track();
    const state = options.state ?? 'open';
    return {
      mode: this.settings.mode,
      items: await this.store.list({
        cluster: options.cluster,
        requestedBy: options.requestedBy,
        states: state === 'all' ? undefined : STATES_OF[state],
      }),
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
    await this.track();
    const [request] = repo
      ? (await this.store.list()).filter(item => item.branch === branch)
      : [];
    if (!repo || !request) {
      throw new NotFoundError(
        `no request branch ${branch} in the GitOps repository: it may have been deleted; file the request again`,
      );
    }
    const merged = await mergeBranch(repo, {
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
    await this.track();
    return merged;
  }
}
