import { ManifestFile } from '../manifests/types';
import { assertValidManifest } from '../schemas/validateManifest';
import { toYamlDocuments } from '@fleet-portal/plugin-fleet-node';
import { FileChange, planNewFiles, RepoReader } from './changeSet';

export interface PlannedManifestFile extends ManifestFile {
  /** InputError message when the path already holds other content. */
  conflictMessage: string;
}

/** What an action's planning step decided: the files with their objects, and the changes to make. */
export interface ManifestPlan {
  files: PlannedManifestFile[];
  changes: FileChange[];
  targetPath: string;
}

/** Schema-checks every object, serialises each file and plans the writes. */
export function planManifestFiles(
  files: PlannedManifestFile[],
  repo: RepoReader,
): FileChange[] {
  for (const file of files) file.objects.forEach(assertValidManifest);
  return planNewFiles(
    files.map(file => ({
      path: file.path,
      content: toYamlDocuments(file.objects),
      conflictMessage: file.conflictMessage,
    })),
    repo,
  );
}
