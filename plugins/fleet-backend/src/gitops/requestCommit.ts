import {
  clusterOfPath,
  commitTrailers,
  type RequestBranch,
} from '@fleet-portal/plugin-fleet-node';
import type { RequestProposal } from './RequestSource';

/** What a request's commit says about it. */
export type RequestCommitFacts = Omit<
  RequestProposal,
  'merge' | 'closedWithoutMerge' | 'deletedFiles' | 'openedSource'
>;

/** The indented paths under the `Files:` line of a request's commit message. */
export function requestFiles(message: string): string[] {
  const lines = message.split('\n');
  const start = lines.indexOf('Files:');
  if (start < 0) return [];
  const files: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\S.*)$/.exec(line);
    if (!match) break;
    files.push(match[1]);
  }
  return files;
}

function parseInputs(json: string | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    const inputs = JSON.parse(json);
    return inputs && typeof inputs === 'object' && !Array.isArray(inputs)
      ? inputs
      : {};
  } catch {
    return {};
  }
}

/** The cluster (and namespace, where the layout files one) the request's files belong to. */
function clusterOfFiles(
  files: string[],
): { namespace?: string; cluster: string } | undefined {
  for (const file of files) {
    const filed = clusterOfPath(file);
    if (filed) return filed;
  }
  return undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The branch as a Fleet Portal request, or undefined when its commit was not written by a
 * template (no `Requested-by` and `Template` trailers).
 */
export function toRequestItem(
  branch: Omit<RequestBranch, 'author'>,
  id = `local:${branch.branch}`,
): RequestCommitFacts | undefined {
  const trailers = commitTrailers(branch.message);
  if (!trailers['Requested-by'] || !trailers.Template) return undefined;
  const inputs = parseInputs(trailers.Inputs);
  const files = requestFiles(branch.message);
  return {
    id,
    branch: branch.branch,
    commit: branch.commit,
    title: branch.title,
    requestedBy: trailers['Requested-by'],
    template: trailers.Template,
    templateVersion: trailers['Template-version'],
    cluster:
      stringOrUndefined(inputs.cluster) ?? clusterOfFiles(files)?.cluster,
    namespace:
      stringOrUndefined(inputs.namespace) ?? clusterOfFiles(files)?.namespace,
    management: stringOrUndefined(inputs.management),
    files,
    committedAt: branch.committedAt,
    merged: branch.merged,
  };
}
