import { InputError } from '@backstage/errors';
import {
  addKustomizationResources,
  newKustomizationText,
  removeKustomizationResource,
} from './kustomization';
import {
  kustomizationChain,
  kustomizationPath,
  parentFolder,
  baseName,
} from './layout';

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
 * Plans writing new files plus the kustomization edits that make them reachable. A file that
 * already exists with the same bytes is not rewritten (re-running a request is harmless); one that
 * exists with other content is a conflict.
 */
export function planNewFiles(files: NewFile[], repo: RepoReader): FileChange[] {
  const changes: FileChange[] = [];
  const entriesByFolder = new Map<string, string[]>();
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
    for (const { folder, entry } of kustomizationChain(file.path)) {
      entriesByFolder.set(folder, [
        ...(entriesByFolder.get(folder) ?? []),
        entry,
      ]);
    }
  }
  for (const [folder, entries] of entriesByFolder) {
    const path = kustomizationPath(folder);
    const existing = repo.read(path);
    const content =
      existing === undefined
        ? newKustomizationText(entries)
        : addKustomizationResources(existing, path, entries);
    if (content !== existing) changes.push({ type: 'write', path, content });
  }
  return sortChanges(changes);
}

/** Plans removing a folder and its entry in the parent folder's kustomization. */
export function planRemoveFolder(
  folder: string,
  repo: RepoReader,
): FileChange[] {
  const changes: FileChange[] = repo
    .listFiles(folder)
    .map(path => ({ type: 'delete' as const, path }));
  const parentPath = kustomizationPath(parentFolder(folder));
  const parent = repo.read(parentPath);
  if (parent !== undefined) {
    const content = removeKustomizationResource(
      parent,
      parentPath,
      baseName(folder),
    );
    if (content !== parent)
      changes.push({ type: 'write', path: parentPath, content });
  }
  return sortChanges(changes);
}
