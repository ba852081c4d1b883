import {
  findLocalRepository,
  pendingCommits,
  readCommitFiles,
  type FileMap,
  type PendingCommits,
} from '@fleet-portal/plugin-fleet-node';
import type { GitRevisions } from './GitRevisions';

/** The commits of the local GitOps repository (local publishing mode). */
export class LocalGitRevisions implements GitRevisions {
  readonly description: string;

  constructor(private readonly dir: string) {
    this.description = `the GitOps repository at ${dir}`;
  }

  async files(sha: string): Promise<FileMap> {
    const repo = findLocalRepository(this.dir);
    if (!repo) throw new Error(`there is no GitOps repository at ${this.dir}`);
    try {
      return await readCommitFiles(repo, sha);
    } catch (error) {
      throw new Error(
        `commit ${sha.slice(0, 12)} is not in the GitOps repository (${
          (error as Error).message
        })`,
      );
    }
  }

  async pending(
    from: string,
    to: string | undefined,
  ): Promise<PendingCommits | undefined> {
    const repo = findLocalRepository(this.dir);
    return repo ? pendingCommits(repo, from, to) : undefined;
  }
}
