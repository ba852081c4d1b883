import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { FileChange, RepoReader } from './changeSet';

/** Reads the GitOps checkout in the scaffolder workspace (optionally below a sub-folder). */
export function workspaceRepo(root: string): RepoReader {
  return {
    read(path) {
      const file = resolveSafeChildPath(root, path);
      if (!existsSync(file) || !statSync(file).isFile()) return undefined;
      return readFileSync(file, 'utf8');
    },
    listFiles(folder) {
      const start = resolveSafeChildPath(root, folder);
      if (!existsSync(start) || !statSync(start).isDirectory()) return [];
      const out: string[] = [];
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const full = join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else out.push(relative(root, full).split(sep).join('/'));
        }
      };
      walk(start);
      return out.sort();
    },
  };
}

async function removeEmptyParents(root: string, file: string): Promise<void> {
  let dir = dirname(file);
  while (dir !== root && dir.startsWith(root)) {
    if ((await readdir(dir)).length > 0) return;
    await rmdir(dir);
    dir = dirname(dir);
  }
}

/** Applies a planned change set; called only after every check has passed. */
export async function applyChanges(
  root: string,
  changes: FileChange[],
): Promise<void> {
  for (const change of changes) {
    const file = resolveSafeChildPath(root, change.path);
    if (change.type === 'write') {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, change.content, 'utf8');
    } else {
      await rm(file, { force: true });
      await removeEmptyParents(root, file);
    }
  }
}
