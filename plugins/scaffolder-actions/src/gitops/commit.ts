import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { FileChange, RepoReader } from './changeSet';
import { applyChanges, workspaceRepo } from './workspace';

export interface ChangeOutputs {
  /** Every path written, changed or deleted, sorted. */
  files: string[];
  /** The new text of every written path. */
  manifests: Record<string, string>;
  /** Paths deleted, sorted. */
  deleted: string[];
}

export function changeOutputs(changes: FileChange[]): ChangeOutputs {
  const manifests: Record<string, string> = {};
  for (const change of changes)
    if (change.type === 'write') manifests[change.path] = change.content;
  return {
    files: changes.map(change => change.path).sort(),
    manifests,
    deleted: changes
      .filter(c => c.type === 'delete')
      .map(c => c.path)
      .sort(),
  };
}

export function repoRoot(workspacePath: string, targetPath: string): string {
  return resolveSafeChildPath(workspacePath, targetPath);
}

export function repoAt(workspacePath: string, targetPath: string): RepoReader {
  return workspaceRepo(repoRoot(workspacePath, targetPath));
}

/** Writes the planned changes into the workspace and reports them as the action's outputs. */
export async function commitChanges(
  ctx: Pick<
    ActionContext<any, any>,
    'workspacePath' | 'output' | 'logger' | 'isDryRun'
  >,
  targetPath: string,
  changes: FileChange[],
): Promise<void> {
  await applyChanges(repoRoot(ctx.workspacePath, targetPath), changes);
  const outputs = changeOutputs(changes);
  ctx.logger.info(
    `${ctx.isDryRun ? '[dry run] ' : ''}${
      outputs.files.length
    } file(s) changed: ${outputs.files.join(', ') || 'none'}`,
  );
  ctx.output('files', outputs.files);
  ctx.output('manifests', outputs.manifests);
  ctx.output('deleted', outputs.deleted);
}
