/**
 * Where requests are reviewed: `local` when templates commit to branches of the local GitOps
 * repository (merged through Fleet Portal), `github` when they open pull requests on GitHub.
 */
export type GitopsRequestsMode = 'local' | 'github';

/** A template request: one branch of the local GitOps repository, read from its commit. */
export interface GitopsRequestItem {
  branch: string;
  /** The branch's commit. */
  commit: string;
  /** First line of the commit message. */
  title: string;
  /** `Requested-by` trailer: the requester's entity ref, e.g. `user:default/jane.doe`. */
  requestedBy: string;
  /** `Template` trailer, e.g. `template:default/k0s-upgrade`. */
  template: string;
  /** `Template-version` trailer. */
  templateVersion?: string;
  /** The cluster the request is about: its `cluster` input, else the cluster folder it changes. */
  cluster?: string;
  /** Its `namespace` input. */
  namespace?: string;
  /** Paths the request changes, as its commit message lists them. */
  files: string[];
  /** Commit time, ISO 8601. */
  committedAt: string;
  /** The branch is already contained in the default branch. */
  merged: boolean;
}

/** `GET /requests`: newest first; open requests only unless `state=all`. */
export interface GitopsRequestListResponse {
  mode: GitopsRequestsMode;
  items: GitopsRequestItem[];
}

/** `POST /requests/merge`. */
export interface MergeRequestBody {
  branch: string;
}

/** `POST /requests/merge`: the merge commit now at the head of the default branch. */
export interface MergeRequestResponse {
  branch: string;
  /** The merge commit. */
  commit: string;
  /** The branch commit that was merged. */
  branchCommit: string;
  /** The default branch's head before the merge. */
  previousCommit: string;
}
