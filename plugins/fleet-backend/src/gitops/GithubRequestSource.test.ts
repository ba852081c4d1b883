import { ConfigReader } from '@backstage/config';
import type {
  ClusterGitops,
  FigureSource,
  SourceStatus,
} from '@fleet-portal/plugin-fleet-common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestStore } from '../__testUtils__/testStore';
import { createRequestSource } from './createRequestSource';
import { RequestTracker } from './RequestTracker';
import { DatabaseRequestStore } from './RequestStore';

const TOKEN = 'ghp_fake_token_never_shown';
const OWNER = 'platform';
const REPO = 'fleet-gitops';

const sha = (c: string) => c.repeat(40);
const OPEN_HEAD = sha('1');
const MERGED_HEAD = sha('2');
const MERGE_COMMIT = sha('3');
const CLOSED_HEAD = sha('4');
const FOREIGN_HEAD = sha('5');
const APPLIED = sha('6');
const BEHIND = sha('7');

function requestMessage(title: string, template: string, inputs: object) {
  return [
    title,
    '',
    'Files:',
    '  clusters/edge-1/clusterdeployment.yaml',
    '',
    'Requested-by: user:default/jane.doe',
    `Template: template:default/${template}`,
    'Template-version: 3',
    `Inputs: ${JSON.stringify(inputs)}`,
  ].join('\n');
}

const pull = (
  number: number,
  ref: string,
  head: string,
  state: 'open' | 'closed',
  merged?: { at: string; commit: string },
) => ({
  number,
  html_url: `https://github.example.test/${OWNER}/${REPO}/pull/${number}`,
  state,
  created_at: '2026-12-01T09:00:00Z',
  closed_at: state === 'closed' ? '2026-12-01T12:00:00Z' : null,
  merged_at: merged?.at ?? null,
  merge_commit_sha: merged?.commit ?? null,
  head: { ref, sha: head },
});

const PULLS = [
  pull(14, 'fleet/k0s-upgrade/aaaa', OPEN_HEAD, 'open'),
  pull(13, 'fleet/k0s-upgrade/bbbb', MERGED_HEAD, 'closed', {
    at: '2026-12-01T11:00:00Z',
    commit: MERGE_COMMIT,
  }),
  pull(12, 'fleet/scale-cluster/cccc', CLOSED_HEAD, 'closed'),
  pull(11, 'renovate/flux-2.4', FOREIGN_HEAD, 'open'),
];

const COMMITS: Record<string, string> = {
  [OPEN_HEAD]: requestMessage('Upgrade edge-1 to k0s v1.32.1', 'k0s-upgrade', {
    cluster: 'edge-1',
    namespace: 'kcm-system',
  }),
  [MERGED_HEAD]: requestMessage(
    'Upgrade edge-1 to k0s v1.31.4',
    'k0s-upgrade',
    {
      cluster: 'edge-1',
      namespace: 'kcm-system',
    },
  ),
  [CLOSED_HEAD]: requestMessage('Scale edge-1 to 5 workers', 'scale-cluster', {
    cluster: 'edge-1',
  }),
};

/** A GitHub REST API over real HTTP: pulls, commits, pull request files and compare. */
async function startFakeGithub() {
  const seen: Array<{ path: string; authorization?: string }> = [];
  let failWith: number | undefined;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://fake');
    seen.push({ path: url.pathname, authorization: req.headers.authorization });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (failWith) return json(failWith, { message: 'Server Error' });
    const base = `/repos/${OWNER}/${REPO}`;
    const path = url.pathname;
    if (path === `${base}/pulls`) {
      const page = Number(url.searchParams.get('page') ?? 1);
      return json(200, page === 1 ? PULLS : []);
    }
    let match = new RegExp(`^${base}/commits/([0-9a-f]{40})$`).exec(path);
    if (match) {
      const message = COMMITS[match[1]];
      if (!message) return json(404, { message: 'Not Found' });
      return json(200, {
        sha: match[1],
        commit: { message, committer: { date: '2026-12-01T09:00:00Z' } },
      });
    }
    match = new RegExp(`^${base}/pulls/(\\d+)/files$`).exec(path);
    if (match)
      return json(200, [
        {
          filename: 'clusters/edge-1/clusterdeployment.yaml',
          status: 'modified',
        },
      ]);
    match = new RegExp(
      `^${base}/compare/([0-9a-f]{40})\\.\\.\\.([0-9a-f]{40})$`,
    ).exec(path);
    if (match) {
      const [, commit, revision] = match;
      const status =
        commit === MERGE_COMMIT && revision === APPLIED ? 'ahead' : 'behind';
      return json(200, { status });
    }
    return json(404, { message: 'Not Found' });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    apiBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    fail: (status?: number) => {
      failWith = status;
    },
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

const figure = <T>(value: T, field: string) => ({
  value,
  source: {
    readFrom: { scope: 'management', cluster: 'mgmt' },
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    namespace: 'flux-system',
    name: 'fleet-clusters',
    field,
    readAt: '2026-12-01T11:30:00.000Z',
  } as FigureSource,
});

function fluxAt(applied: string): SourceStatus {
  const kustomization: ClusterGitops = {
    kustomization: {
      namespace: 'flux-system',
      name: 'fleet-clusters',
      path: './clusters',
    },
    fetchedRevision: figure(`main@sha1:${applied}`, 'status.artifact.revision'),
    appliedRevision: figure(
      `main@sha1:${applied}`,
      'status.lastAppliedRevision',
    ),
    lastAttemptedRevision: figure(
      `main@sha1:${applied}`,
      'status.lastAttemptedRevision',
    ),
    ready: figure(
      { status: 'True', reason: 'ReconciliationSucceeded' },
      'status.conditions',
    ),
    suspended: false,
  };
  return {
    id: 'mgmt',
    scope: 'management',
    demo: false,
    lastSuccessAt: '2026-12-01T11:30:00.000Z',
    kustomizations: [kustomization],
  };
}

describe('requests in GitHub mode, against a fake GitHub API', () => {
  let github: Awaited<ReturnType<typeof startFakeGithub>>;

  beforeEach(async () => {
    github = await startFakeGithub();
  });
  afterEach(() => github.stop());

  const sourceFor = () =>
    createRequestSource(
      new ConfigReader({
        integrations: {
          github: [
            {
              host: 'github.example.test',
              apiBaseUrl: github.apiBaseUrl,
              token: TOKEN,
            },
          ],
        },
        fleet: {
          gitops: {
            github: {
              repoUrl: `github.example.test?owner=${OWNER}&repo=${REPO}`,
            },
          },
        },
      }),
      {
        mode: 'github',
        localRepository: '/nonexistent',
        defaultBranch: 'main',
      },
    );

  it("reads each template's pull request, its state and its merge, with the integration's token", async () => {
    const proposals = await sourceFor().list(new Map());

    expect(proposals.map(p => [p.id, p.pullRequest?.state])).toEqual([
      [`github:${OWNER}/${REPO}#14`, 'open'],
      [`github:${OWNER}/${REPO}#13`, 'merged'],
      [`github:${OWNER}/${REPO}#12`, 'closed'],
    ]);
    const [open, merged, closed] = proposals;
    expect(open).toMatchObject({
      branch: 'fleet/k0s-upgrade/aaaa',
      commit: OPEN_HEAD,
      title: 'Upgrade edge-1 to k0s v1.32.1',
      requestedBy: 'user:default/jane.doe',
      template: 'template:default/k0s-upgrade',
      templateVersion: '3',
      cluster: 'edge-1',
      namespace: 'kcm-system',
      files: ['clusters/edge-1/clusterdeployment.yaml'],
      merged: false,
      openedSource: 'pull request #14',
      pullRequest: {
        number: 14,
        url: `https://github.example.test/${OWNER}/${REPO}/pull/14`,
      },
    });
    expect(merged.merge).toEqual({
      commit: MERGE_COMMIT,
      at: '2026-12-01T11:00:00Z',
      source: 'pull request #13',
    });
    expect(closed.closedWithoutMerge).toEqual({
      at: '2026-12-01T12:00:00Z',
      source: 'pull request #12',
    });
    // The renovate branch is not a template's request: its commit is never read.
    expect(github.seen.map(s => s.path)).not.toContain(
      `/repos/${OWNER}/${REPO}/commits/${FOREIGN_HEAD}`,
    );
    expect(github.seen.every(s => s.authorization?.includes(TOKEN))).toBe(true);
  });

  it('does not read a known commit again', async () => {
    const source = sourceFor();
    const first = await source.list(new Map());
    const known = new Map(
      first.map(p => [
        p.id,
        {
          ...p,
          journey: { state: 'opened' as const, steps: [], checkedAt: '' },
        },
      ]),
    );
    github.seen.length = 0;
    await source.list(known);
    expect(github.seen.some(s => s.path.includes('/commits/'))).toBe(false);
  });

  it('asks GitHub whether an applied revision contains the merge', async () => {
    const source = sourceFor();
    expect(await source.contains(`main@sha1:${APPLIED}`, MERGE_COMMIT)).toBe(
      true,
    );
    expect(await source.contains(`main@sha1:${BEHIND}`, MERGE_COMMIT)).toBe(
      false,
    );
    expect(
      await source.contains(`main@sha1:${MERGE_COMMIT}`, MERGE_COMMIT),
    ).toBe(true);
    expect(await source.contains('not-a-revision', MERGE_COMMIT)).toBe(false);
  });

  it('follows the journeys: open waits for review, merged and applied by Flux, closed failed', async () => {
    const { store: fleet } = await createTestStore();
    const { db } = await createTestStore();
    const requests = new DatabaseRequestStore(db);
    const tracker = new RequestTracker({
      source: sourceFor(),
      requests,
      fleet,
      now: () => new Date('2026-12-01T11:31:00.000Z'),
    });

    await fleet.saveSourceStatus(fluxAt(BEHIND));
    await tracker.track();
    const byNumber = async () =>
      new Map(
        (await requests.list()).map(r => [r.pullRequest!.number, r.journey]),
      );
    let journeys = await byNumber();
    expect(journeys.get(14)).toMatchObject({
      state: 'opened',
      waitingFor: 'review: merge the pull request on GitHub',
    });
    expect(journeys.get(13)).toMatchObject({ state: 'merged' });
    expect(journeys.get(13)!.steps.map(s => [s.state, s.commit])).toEqual([
      ['opened', undefined],
      ['merged', MERGE_COMMIT],
    ]);
    expect(journeys.get(12)).toMatchObject({
      state: 'failed',
      steps: expect.arrayContaining([
        expect.objectContaining({
          state: 'failed',
          reason: 'ClosedWithoutMerge',
          source: 'pull request #12',
        }),
      ]),
    });

    // Flux applies a revision that contains the merge.
    await fleet.saveSourceStatus(fluxAt(APPLIED));
    await tracker.track();
    journeys = await byNumber();
    expect(journeys.get(13)!.steps.map(s => s.state)).toContain('applied');
    expect(
      journeys.get(13)!.steps.find(s => s.state === 'applied'),
    ).toMatchObject({
      commit: `main@sha1:${APPLIED}`,
      source: 'Kustomization flux-system/fleet-clusters',
    });
  });

  it('fails the pass with the status and path, never the token, when GitHub errs', async () => {
    github.fail(500);
    const error = await sourceFor()
      .list(new Map())
      .then(
        () => undefined,
        e => e as Error,
      );
    expect(error?.message).toBe(
      `GitHub answered 500 to GET /repos/${OWNER}/${REPO}/pulls`,
    );
    expect(error?.message).not.toContain(TOKEN);
  });
});
