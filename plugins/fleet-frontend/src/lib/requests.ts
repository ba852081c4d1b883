import {
  GitopsRequestItem,
  MergeRequestResponse,
} from '@fleet-portal/plugin-fleet-common';
import { FLEET_MERGE_PERMISSION_NAME } from '../constants';
import { isPermissionDenied, serverMessage } from './errors';

export const GITHUB_MODE_TEXT =
  'Requests are pull requests on GitHub: review and merge them there. A new pull request shows here once the portal next reads the fleet.';

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

/** How many reconciled requests a cluster's card keeps under the ones still on their way. */
export const RECONCILED_ON_CARD = 3;

/**
 * What a cluster's Requests card lists: every request not reconciled yet, then the newest
 * reconciled ones (so a request is seen arriving), in the list's order (newest first).
 */
export function requestsForCard(
  items: GitopsRequestItem[],
  reconciledShown = RECONCILED_ON_CARD,
): GitopsRequestItem[] {
  let reconciled = 0;
  return items.filter(item => {
    if (item.journey.state !== 'reconciled') return true;
    reconciled += 1;
    return reconciled <= reconciledShown;
  });
}
