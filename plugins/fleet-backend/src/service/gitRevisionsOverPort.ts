import type { FileMap, PendingCommits } from '@fleet-portal/plugin-fleet-node';
import type { GitRevisions } from '../gitops/GitRevisions';

/** What the worker asks the main thread, whose GitRevisions (UrlReaderService) it cannot hold. */
export type GitQuestion =
  | { type: 'git'; id: number; op: 'files'; sha: string }
  | {
      type: 'git';
      id: number;
      op: 'pending';
      from: string;
      to: string | undefined;
    };

export type GitAnswer = {
  type: 'git';
  id: number;
  /** Files as `[path, bytes]`; bytes arrive as Uint8Array, a structured clone of a Buffer. */
  files?: Array<[string, Uint8Array]>;
  pending?: PendingCommits;
  error?: string;
};

/** The main thread's answer to a worker's question. */
export async function answerGitQuestion(
  revisions: GitRevisions,
  question: GitQuestion,
): Promise<GitAnswer> {
  try {
    if (question.op === 'files')
      return {
        type: 'git',
        id: question.id,
        files: [...(await revisions.files(question.sha))],
      };
    return {
      type: 'git',
      id: question.id,
      pending: await revisions.pending(question.from, question.to),
    };
  } catch (error) {
    return {
      type: 'git',
      id: question.id,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * The worker's GitRevisions: each question goes to the main thread, which reads the repository
 * through Backstage's services; GitManifests keeps what comes back, so a commit crosses once.
 */
export class GitRevisionsOverPort implements GitRevisions {
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (answer: GitAnswer) => void }
  >();

  constructor(
    readonly description: string,
    private readonly send: (question: GitQuestion) => void,
  ) {}

  receive(answer: GitAnswer): void {
    this.waiting.get(answer.id)?.resolve(answer);
    this.waiting.delete(answer.id);
  }

  async files(sha: string): Promise<FileMap> {
    const answer = await this.ask({ op: 'files', sha });
    return new Map(
      (answer.files ?? []).map(([path, bytes]) => [
        path,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      ]),
    );
  }

  async pending(
    from: string,
    to: string | undefined,
  ): Promise<PendingCommits | undefined> {
    return (await this.ask({ op: 'pending', from, to })).pending;
  }

  private ask(
    question:
      | { op: 'files'; sha: string }
      | { op: 'pending'; from: string; to: string | undefined },
  ): Promise<GitAnswer> {
    const id = this.nextId++;
    return new Promise<GitAnswer>((resolve, reject) => {
      this.waiting.set(id, {
        resolve: answer =>
          answer.error ? reject(new Error(answer.error)) : resolve(answer),
      });
      this.send({ type: 'git', id, ...question } as GitQuestion);
    });
  }
}
