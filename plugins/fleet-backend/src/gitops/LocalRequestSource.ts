import type { GitopsRequestItem } from '@fleet-portal/plugin-fleet-common';
import {
  isClusterDeploymentFileOf,
  fileExistsAt,
  findLocalRepository,
  isAncestor,
  listRequestBranches,
  mergeCommitsOf,
  type MergeCommit,
} from '@fleet-portal/plugin-fleet-node';
import type { RequestsSettings } from './gitopsSettings';
import { toRequestItem } from './requestCommit';
import {
  revisionSha,
  type RequestProposal,
  type RequestSource,
} from './RequestSource';

/** The requests templates committed to branches of the local GitOps repository. */
export class LocalRequestSource implements RequestSource {
  readonly reviewHint = 'review: merge it on the Requests page';
  /** Pairs found contained: commits never change, so a yes stays a yes. */
  private readonly contained = new Set<string>();

  constructor(private readonly settings: RequestsSettings) {}

  async list(
    known: Map<string, GitopsRequestItem>,
  ): Promise<RequestProposal[]> {
    const repo = findLocalRepository(this.settings.localRepository);
    if (!repo) return [];
    const branches = await listRequestBranches(
      repo,
      this.settings.defaultBranch,
    );
    let merges: Map<string, MergeCommit> | undefined;
    const proposals: RequestProposal[] = [];
    for (const branch of branches) {
      const item = toRequestItem(branch);
      if (!item) continue;
      const stored = known.get(item.id);
      const storedMerge = stored?.journey.steps.find(s => s.state === 'merged');
      let merge: RequestProposal['merge'];
      if (
        branch.merged &&
        storedMerge?.commit &&
        stored?.commit === item.commit
      ) {
        merge = {
          commit: storedMerge.commit,
          at: storedMerge.at,
          source: storedMerge.source ?? `branch ${this.settings.defaultBranch}`,
        };
      } else if (branch.merged) {
        merges ??= await mergeCommitsOf(repo, this.settings.defaultBranch);
        const found = merges.get(item.commit);
        merge = {
          commit: found?.commit ?? item.commit,
          at: found?.committedAt ?? item.committedAt,
          source: `branch ${this.settings.defaultBranch}`,
        };
      }
      const deletedFiles: string[] = [];
      const cluster = item.cluster;
      const path = cluster
        ? item.files.find(f => isClusterDeploymentFileOf(f, cluster))
        : undefined;
      if (path && !(await fileExistsAt(repo, item.commit, path)))
        deletedFiles.push(path);
      proposals.push({
        ...item,
        merge,
        deletedFiles,
        openedSource: `branch ${item.branch}`,
      });
    }
    return proposals;
  }

  async contains(revision: string, commit: string): Promise<boolean> {
    const key = `${revision} ${commit}`;
    if (this.contained.has(key)) return true;
    const answer = await this.check(revision, commit);
    if (answer) {
      if (this.contained.size > 10_000) this.contained.clear();
      this.contained.add(key);
    }
    return answer;
  }

  private async check(revision: string, commit: string): Promise<boolean> {
    const sha = revisionSha(revision);
    const repo = findLocalRepository(this.settings.localRepository);
    if (!sha || !repo) return false;
    try {
      return await isAncestor(repo, commit, sha);
    } catch {
      // A revision this repository does not hold (yet): it does not show the commit.
      return false;
    }
  }
}
