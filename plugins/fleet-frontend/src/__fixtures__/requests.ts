import {
  GitopsRequestItem,
  GitopsRequestListResponse,
  MergeRequestResponse,
} from '@fleet-portal/plugin-fleet-common';

export const k0sUpgradeRequest: GitopsRequestItem = {
  id: 'local:fleet/k0s-upgrade/1a2b3c4d5e',
  branch: 'fleet/k0s-upgrade/1a2b3c4d5e',
  commit: '1111111111111111111111111111111111111111',
  title: 'Upgrade k0s: edge-fra-01 to v1.32.8+k0s.0',
  requestedBy: 'user:default/alice',
  template: 'template:default/k0s-upgrade',
  templateVersion: '1.0.0',
  cluster: 'edge-fra-01',
  namespace: 'fleet-demo',
  files: ['clusters/fleet-demo/edge-fra-01/clusterdeployment.yaml'],
  committedAt: '2026-03-01T10:00:00.000Z',
  merged: false,
  journey: {
    state: 'opened',
    steps: [
      {
        state: 'opened',
        at: '2026-03-01T10:00:00.000Z',
        source: 'branch fleet/k0s-upgrade/1a2b3c4d5e',
      },
    ],
    waitingFor: 'review: merge it on the Requests page',
    checkedAt: '2026-03-01T10:01:00.000Z',
  },
};

export const scaleRequest: GitopsRequestItem = {
  id: 'local:fleet/scale-cluster/5e4d3c2b1a',
  branch: 'fleet/scale-cluster/5e4d3c2b1a',
  commit: '2222222222222222222222222222222222222222',
  title: 'Scale a cluster: core-ams-02 to 5 workers',
  requestedBy: 'user:default/bob',
  template: 'template:default/scale-cluster',
  templateVersion: '1.0.0',
  cluster: 'core-ams-02',
  namespace: 'fleet-demo',
  files: ['clusters/fleet-demo/core-ams-02/clusterdeployment.yaml'],
  committedAt: '2026-03-01T09:00:00.000Z',
  merged: false,
  journey: {
    state: 'opened',
    steps: [
      {
        state: 'opened',
        at: '2026-03-01T09:00:00.000Z',
        source: 'branch fleet/scale-cluster/5e4d3c2b1a',
      },
    ],
    waitingFor: 'review: merge it on the Requests page',
    checkedAt: '2026-03-01T09:01:00.000Z',
  },
};

export const localRequests: GitopsRequestListResponse = {
  mode: 'local',
  items: [k0sUpgradeRequest, scaleRequest],
};

/** The k0s upgrade after its merge: on the default branch, waiting for Flux. */
export const mergedK0sUpgradeRequest: GitopsRequestItem = {
  ...k0sUpgradeRequest,
  merged: true,
  journey: {
    state: 'merged',
    steps: [
      ...k0sUpgradeRequest.journey.steps,
      {
        state: 'merged',
        at: '2026-03-01T10:05:00.000Z',
        commit: 'abcdef0123456789abcdef0123456789abcdef01',
        source: 'branch main',
      },
    ],
    waitingFor: 'Flux to apply it (Kustomization flux-system/fleet-clusters)',
    checkedAt: '2026-03-01T10:05:01.000Z',
  },
};

export const githubRequests: GitopsRequestListResponse = {
  mode: 'github',
  items: [
    {
      ...k0sUpgradeRequest,
      id: 'github:platform/fleet-gitops#14',
      pullRequest: {
        number: 14,
        url: 'https://github.com/platform/fleet-gitops/pull/14',
        state: 'open',
      },
      journey: {
        ...k0sUpgradeRequest.journey,
        waitingFor: 'review: merge the pull request on GitHub',
      },
    },
  ],
};

export const mergedUpgrade: MergeRequestResponse = {
  branch: k0sUpgradeRequest.branch,
  commit: 'abcdef0123456789abcdef0123456789abcdef01',
  branchCommit: k0sUpgradeRequest.commit,
  previousCommit: '0000000000000000000000000000000000000000',
};
