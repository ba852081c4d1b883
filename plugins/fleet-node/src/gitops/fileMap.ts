import { unifiedFileDiff } from './unifiedDiff';

/** Files of a tree: `/`-separated path → bytes. */
export type FileMap = Map<string, Buffer>;

export interface FileMapChange {
  path: string;
  type: 'added' | 'modified' | 'deleted';
}

/** Paths that differ between two trees, sorted. */
export function changedFiles(before: FileMap, after: FileMap): FileMapChange[] {
  const changes: FileMapChange[] = [];
  for (const [path, content] of after) {
    const old = before.get(path);
    if (old === undefined) changes.push({ path, type: 'added' });
    else if (!old.equals(content)) changes.push({ path, type: 'modified' });
  }
  for (const path of before.keys())
    if (!after.has(path)) changes.push({ path, type: 'deleted' });
  return changes.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export function sameFiles(a: FileMap, b: FileMap): boolean {
  return changedFiles(a, b).length === 0;
}

function asText(content: Buffer | undefined): string | undefined | null {
  if (content === undefined) return undefined;
  // NUL bytes mean a binary file, as git decides.
  return content.includes(0) ? null : content.toString('utf8');
}

/** `git diff` of two trees: one unified diff per changed file, in path order. */
export function unifiedTreeDiff(before: FileMap, after: FileMap): string {
  return changedFiles(before, after)
    .map(({ path }) => {
      const a = asText(before.get(path));
      const b = asText(after.get(path));
      if (a === null || b === null)
        return `diff --git a/${path} b/${path}\nBinary files differ\n`;
      return unifiedFileDiff(path, a, b);
    })
    .join('');
}

export function fileMapOf(files: Record<string, string>): FileMap {
  return new Map(
    Object.entries(files).map(([path, text]) => [
      path,
      Buffer.from(text, 'utf8'),
    ]),
  );
}
