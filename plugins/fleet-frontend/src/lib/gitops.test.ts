import type {
  ClusterGitops,
  FigureSource,
} from '@fleet-portal/plugin-fleet-common';
import { clusterListResponse } from '../__fixtures__/clusterList';
import { describeGitops, gitopsGlance, pendingCommitsText } from './gitops';

const source: FigureSource = {
  readFrom: { scope: 'management', cluster: 'mgmt' },
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  namespace: 'flux-system',
  name: 'fleet-clusters',
  field: 'status.lastAppliedRevision',
  readAt: '2026-12-03T07:00:00Z',
};
const A = `main@sha1:${'a'.repeat(40)}`;
const B = `main@sha1:${'b'.repeat(40)}`;

function gitops(over: Partial<ClusterGitops> = {}): ClusterGitops {
  return {
    kustomization: { namespace: 'flux-system', name: 'fleet-clusters' },
    fetchedRevision: { value: A, source },
    appliedRevision: { value: A, source },
    lastAttemptedRevision: { value: A, source },
    ready: {
      value: { status: 'True', reason: 'ReconciliationSucceeded' },
      source,
    },
    suspended: false,
    ...over,
  };
}

describe('describeGitops', () => {
  it('says what is applied when Flux is in step with Git', () => {
    expect(describeGitops(gitops())).toEqual({
      tone: 'ok',
      headline: 'Flux fleet-clusters applied main@aaaaaaa, as Git has it',
    });
  });

  it('says Git is ahead when a merged change is not applied yet', () => {
    expect(
      describeGitops(gitops({ fetchedRevision: { value: B, source } })),
    ).toMatchObject({
      tone: 'pending',
      headline:
        'Git is at main@bbbbbbb; Flux fleet-clusters applied main@aaaaaaa',
    });
  });

  it('names the commits Git is ahead by when the backend read them', () => {
    const pending = {
      type: 'git-pending' as const,
      kustomization: 'fleet-clusters',
      fetched: B,
      applied: gitops().appliedRevision!.value,
      ahead: 4,
      commits: [
        {
          commit: 'c4',
          title: 'Merge request fleet/k0s-upgrade/1',
          committedAt: '',
        },
        { commit: 'c3', title: 'Upgrade k0s: edge-1', committedAt: '' },
        { commit: 'c2', title: 'Scale edge-2', committedAt: '' },
        { commit: 'c1', title: 'New cluster', committedAt: '' },
      ],
    };
    expect(
      describeGitops(
        gitops({ fetchedRevision: { value: B, source } }),
        pending,
      ),
    ).toEqual({
      tone: 'pending',
      headline:
        'Git is at main@bbbbbbb (4 ahead); Flux fleet-clusters applied main@aaaaaaa',
      detail:
        '4 commits not applied yet: "Merge request fleet/k0s-upgrade/1", "Upgrade k0s: edge-1", "Scale edge-2" and 1 more.',
    });
    expect(
      pendingCommitsText({
        ...pending,
        ahead: 1,
        commits: pending.commits.slice(0, 1),
      }),
    ).toBe('1 commit not applied yet: "Merge request fleet/k0s-upgrade/1".');
    expect(pendingCommitsText(undefined)).toBe(
      'A merged change is not applied yet.',
    );
  });

  it('says why the apply fails and which revision it tried', () => {
    const failing = gitops({
      fetchedRevision: { value: B, source },
      lastAttemptedRevision: { value: B, source },
      ready: {
        value: {
          status: 'False',
          reason: 'BuildFailed',
          message: 'kustomize build failed',
        },
        source,
      },
    });
    expect(describeGitops(failing)).toEqual({
      tone: 'failing',
      headline: 'Flux fleet-clusters is failing: BuildFailed',
      detail:
        'kustomize build failed Tried main@bbbbbbb; applied main@aaaaaaa.',
    });
  });

  it('puts a suspension first', () => {
    expect(describeGitops(gitops({ suspended: true })).headline).toBe(
      'Flux fleet-clusters is suspended (applied main@aaaaaaa)',
    );
  });
});

describe('gitopsGlance', () => {
  const summary = clusterListResponse.items[0];
  it('gives the applied revision, Git ahead by N, or what fails, in a few words', () => {
    expect(gitopsGlance({ ...summary, gitops: undefined })).toEqual({
      tone: 'none',
      text: '—',
    });
    expect(gitopsGlance({ ...summary, gitops: gitops(), drift: [] })).toEqual({
      tone: 'ok',
      text: 'main@aaaaaaa',
    });
    expect(
      gitopsGlance({
        ...summary,
        gitops: gitops({ fetchedRevision: { value: B, source } }),
        drift: [
          {
            type: 'git-pending',
            kustomization: 'flux-system/fleet-clusters',
            fetched: B,
            ahead: 3,
          },
        ],
      }),
    ).toEqual({ tone: 'pending', text: '3 ahead of main@aaaaaaa' });
    expect(
      gitopsGlance({
        ...summary,
        gitops: gitops({
          ready: { value: { status: 'False', reason: 'BuildFailed' }, source },
        }),
      }),
    ).toEqual({ tone: 'failing', text: 'failing: BuildFailed' });
    expect(
      gitopsGlance({
        ...summary,
        gitops: undefined,
        gitopsProblem: { during: 'reading Flux', message: 'forbidden', at: '' },
      }),
    ).toEqual({ tone: 'failing', text: 'unreadable' });
  });
});
