/**
 * Test helpers: the real kustomize (`kubectl kustomize`), and the kustomization Flux generates for
 * a folder without one, so tests can check that a repository builds as Flux builds it.
 *
 * @packageDocumentation
 */
import { FileMap } from './gitops/fileMap';
import { ManifestObject } from './gitops/fluxBuild';
import { isManifestFileName, KUSTOMIZATION_FILE } from './gitops/layout';
import { PARSE_OPTIONS, toYaml } from './yaml';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** `kubectl kustomize dir`, the real kustomize; throws kustomize's message when it fails. */
export function kubectlKustomize(dir: string): ManifestObject[] {
  let out: string;
  try {
    out = execFileSync('kubectl', ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        "kubectl is not installed: install Debian's kubernetes-client package (or run scripts/ensure-kubectl.sh)",
      );
    throw new Error(
      `kubectl kustomize failed: ${(error as { stderr?: string }).stderr}`,
    );
  }
  return parseAllDocuments(out, PARSE_OPTIONS).map(
    doc => doc.toJS() as ManifestObject,
  );
}

/**
 * The kustomization kustomize-controller generates for a folder without one: every manifest
 * below it, a sub-folder with its own kustomization.yaml as one entry.
 */
export function generatedKustomization(files: FileMap, folder: string): string {
  const resources = new Set<string>();
  for (const path of [...files.keys()].sort()) {
    if (!path.startsWith(`${folder}/`)) continue;
    const parts = path.slice(folder.length + 1).split('/');
    const unit = parts
      .slice(0, -1)
      .map((_, i) => parts.slice(0, i + 1).join('/'))
      .find(sub => files.has(`${folder}/${sub}/${KUSTOMIZATION_FILE}`));
    if (unit) resources.add(unit);
    else if (isManifestFileName(parts[parts.length - 1]))
      resources.add(parts.join('/'));
  }
  return toYaml({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: [...resources],
  });
}

/** kubectl kustomize of a folder of the files (`''` = the root) as Flux builds it. */
export function kustomizeAsFlux(
  files: FileMap,
  folder: string,
): ManifestObject[] {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-kustomize-'));
  try {
    for (const [path, content] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    if (folder && !files.has(`${folder}/${KUSTOMIZATION_FILE}`))
      writeFileSync(
        join(dir, folder, KUSTOMIZATION_FILE),
        generatedKustomization(files, folder),
      );
    return kubectlKustomize(join(dir, folder));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
