import { InputError } from '@backstage/errors';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { FileMap } from '@fleet-portal/plugin-fleet-node';

/** Every file below `root` (a `.git` folder excluded), keyed by `/`-separated relative path. */
export function readFolderFiles(root: string): FileMap {
  const files: FileMap = new Map();
  if (!existsSync(root)) return files;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile())
        files.set(
          relative(root, full).split(sep).join('/'),
          readFileSync(full),
        );
    }
  };
  walk(root);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Writes a tree into a folder that must be new or empty (a checkout never mixes with old files). */
export async function writeFolderFiles(
  root: string,
  files: FileMap,
  field: string,
): Promise<void> {
  if (
    existsSync(root) &&
    (!statSync(root).isDirectory() || readdirSync(root).length > 0)
  ) {
    throw new InputError(
      `${field}: ${root} already exists in the workspace and is not empty`,
    );
  }
  await mkdir(root, { recursive: true });
  for (const [path, content] of files) {
    const file = join(root, ...path.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}
