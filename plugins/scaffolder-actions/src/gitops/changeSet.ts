import { InputError } from '@backstage/errors';

/** Read access to the workspace (the checked-out GitOps repo), injected so planning stays pure. */
export interface RepoReader {
  /** File text, or undefined when the file does not exist. */
  read(path: string): string | undefined;
  /** Every file below a folder, as repo-relative paths. */
  listFiles(folder: string): string[];
}

export type FileChange =
  | { type: 'write'; path: string; content: string }
  | { type: 'delete'; path: string };

export interface NewFile {
  path: string;
  content: string;
  /** Message of the InputError raised when the path exists with other content. */
  conflictMessage: string;
}

export function sortChanges(changes: FileChange[]): FileChange[] {
  return [...changes].sort((a, b) => a.path.localeCompare(b.path, 'en'));
}

/**
 * Plans writing new files. Flux builds every manifest below an area's folder, so no kustomization
 * is edited: a request touches only the files of its own objects. A file that already exists with
 * the same bytes is not rewritten (re-running a request is harmless); one that exists with other
 * content is a conflict.
 */
export function planNewFiles(files: NewFile[], repo: RepoReader): FileChange[] {
  const changes: FileChange[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path))
      throw new InputError(`two objects of this request map to ${file.path}`);
    seen.add(file.path);
    const existing = repo.read(file.path);
    if (existing !== undefined && existing !== file.content)
      throw new InputError(file.conflictMessage);
    if (existing === undefined)
      changes.push({ type: 'write', path: file.path, content: file.content });
  }
  return sortChanges(changes);
}

/** Plans removing a folder: every file below it (Flux then prunes its objects). */
export function planRemoveFolder(
  folder: string,
  repo: RepoReader,
): FileChange[] {
  return sortChanges(
    repo.listFiles(folder).map(path => ({ type: 'delete' as const, path })),
  );
}
