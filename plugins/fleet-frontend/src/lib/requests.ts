import { MergeRequestResponse } from '@internal/plugin-fleet-common';
import { FLEET_MERGE_PERMISSION_NAME } from '../constants';
import { isPermissionDenied, serverMessage } from './errors';

export const GITHUB_MODE_TEXT =
  'Requests are pull requests on GitHub: review and merge them there.';

/** The first 7 hex digits, as `git log --oneline` shows a commit. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}

export function mergedText(result: MergeRequestResponse): string {
  return `Merged as ${shortCommit(
    result.commit,
  )}: Flux applies it at its next sync`;
}

/** Why a merge was refused: the server's message verbatim, or what permission is missing. */
export function mergeErrorText(error: unknown): string {
  if (isPermissionDenied(error)) {
    return `You lack the ${FLEET_MERGE_PERMISSION_NAME} permission needed to merge requests: ask the platform team for it.`;
  }
  return serverMessage(error);
}

/** `template:default/k0s-upgrade` → `k0s-upgrade`; `user:default/alice` → `alice`. */
export function entityRefName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}
