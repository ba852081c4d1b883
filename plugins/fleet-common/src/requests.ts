/**
 * Where requests are reviewed: `local` when templates commit to branches of the local GitOps
 * repository (merged through Fleet Portal), `github` when they open pull requests on GitHub.
 */
export type GitopsRequestsMode = 'local' | 'github';

/**
 * Where a request is on its way to the fleet. `opened`: a branch or pull request waits for review;
 * `merged`: its commit is on the default branch; `applied`: Flux applied a revision that contains
 * it; `reconciled`: the objects it touched are ready; `failed`: one of these steps failed.
 */
export type RequestState =
  | 'opened'
  | 'merged'
  | 'applied'
  | 'reconciled'
  | 'failed';

export const REQUEST_STATES: readonly RequestState[] = [
  'opened',
  'merged',
  'applied',
  'reconciled',
  'failed',
];

/** One step a request reached, when it was seen, and what showed it. */
export interface RequestStep {
  state: RequestState;
  /** When the step happened (a commit's or pull request's time) or, failing that, was observed. */
  at: string;
  /** The merge commit (`merged`) or the revision Flux applied (`applied`). */
  commit?: string;
  /** Why it failed (`failed`): `ReconciliationFailed`, `ClosedWithoutMerge`, `VirtualMachineFailed`, … */
  reason?: string;
  message?: string;
  /** Where the step was read: `Kustomization flux-system/fleet-vms`, `pull request #12`, `cluster …`. */
  source?: string;
}

/** A request's life so far: its current state and every step it took, oldest first. */
export interface RequestJourney {
  state: RequestState;
  steps: RequestStep[];
  /** What the request waits for now, in the user's words (absent once reconciled). */
  waitingFor?: string;
  /** When the journey was last checked against Git, Flux and the fleet. */
  checkedAt: string;
}

/** The pull request of a request (GitHub mode). */
export interface RequestPullRequest {
  number: number;
  url: string;
  state: 'open' | 'closed' | 'merged';
}

/** A template request: one branch of the local GitOps repository, read from its commit. */
export interface GitopsRequestItem {
  /** `local:<branch>` or `github:<owner>/<repo>#<number>`. */
  id: string;
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
  /** Its `management` input: the management cluster, when the form named one. */
  management?: string;
  /** Paths the request changes, as its commit message lists them. */
  files: string[];
  /** Commit time, ISO 8601. */
  committedAt: string;
  /** The branch is already contained in the default branch. */
  merged: boolean;
  /** The cluster's id (`<management>/<namespace>/<name>`) when the fleet holds it. */
  clusterId?: string;
  pullRequest?: RequestPullRequest;
  journey: RequestJourney;
}

/**
 * `GET /requests?cluster=&state=&mine=`: newest first. `state=open` (the default) keeps requests
 * not merged yet, `state=active` those not reconciled yet, `state=all` every one; `mine=true`
 * only the caller's.
 */
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
