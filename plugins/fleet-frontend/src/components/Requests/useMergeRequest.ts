import { useCallback, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { fleetGitopsMergePermission } from '@fleet-portal/plugin-fleet-common';
import { fleetApiRef } from '../../api';
import { mergeErrorText, mergedText } from '../../lib/requests';

export interface MergeOutcome {
  branch: string;
  severity: 'success' | 'error';
  text: string;
}

export interface MergeRequestState {
  merge: (branch: string) => Promise<void>;
  /** The branch being merged now. */
  merging?: string;
  /** What the last merge did. */
  outcome?: MergeOutcome;
  /** False while the permission is unknown or when it is denied. */
  canMerge: boolean;
  /** The permission is known to be denied. */
  mergeDenied: boolean;
}

/** Merges requests one at a time; `onMerged` reloads the list after a merge. */
export function useMergeRequest(onMerged: () => void): MergeRequestState {
  const api = useApi(fleetApiRef);
  const permission = usePermission({ permission: fleetGitopsMergePermission });
  const [merging, setMerging] = useState<string>();
  const [outcome, setOutcome] = useState<MergeOutcome>();
  const merge = useCallback(
    async (branch: string) => {
      setMerging(branch);
      setOutcome(undefined);
      try {
        const result = await api.mergeRequest(branch);
        setOutcome({ branch, severity: 'success', text: mergedText(result) });
        onMerged();
      } catch (error) {
        setOutcome({ branch, severity: 'error', text: mergeErrorText(error) });
      } finally {
        setMerging(undefined);
      }
    },
    [api, onMerged],
  );
  return {
    merge,
    merging,
    outcome,
    canMerge: !permission.loading && permission.allowed,
    mergeDenied: !permission.loading && !permission.allowed,
  };
}
