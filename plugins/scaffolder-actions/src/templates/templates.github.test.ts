import { setupServer } from 'msw/node';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repositorySkeletonFiles } from '@fleet-portal/plugin-fleet-node';
import { fakeGithub } from '../__testUtils__/fakeGithub';
import {
  dryRun,
  REQUESTER,
  runTask,
  startFleetBackend,
  waitForTemplates,
} from '../__testUtils__/fleetBackend';
import { upstreamErrors } from '../__testUtils__/sharedCrds';
import { canonicalJson } from '../gitops/canonicalJson';
import { commitTrailers } from '@fleet-portal/plugin-fleet-node';
import { EXPECTED_FILES, TEMPLATE_VALUES } from './templateValues';

jest.setTimeout(120_000);

/** The repository on GitHub holds the skeleton a Fleet Portal GitOps repository starts with. */
const INITIAL: Record<string, string> = Object.fromEntries(
  [
    ...repositorySkeletonFiles({
      sourceUrl: 'https://github.com/acme/fleet-gitops.git',
      defaultBranch: 'main',
    }),
  ].map(([path, content]) => [path, content.toString('utf8')]),
);

describe('templates against GitHub (fake REST and GraphQL API)', () => {
  const github = fakeGithub('acme', 'fleet-gitops', INITIAL);
  const mswServer = setupServer(...github.handlers);
  let root: string;
  let server: any;

  beforeAll(async () => {
    mswServer.listen({ onUnhandledRequest: 'bypass' });
    root = mkdtempSync(join(tmpdir(), 'fleet-templates-gh-'));
    server = await startFleetBackend({
      integrations: {
        github: [
          {
            host: 'github.com',
            token: 'ghp_fleetportaltesttoken0123456789abcdef',
          },
        ],
      },
      fleet: {
        gitops: {
          localRepository: join(root, 'unused-local-repo'),
          defaultBranch: 'main',
          github: {
            repoUrl: 'github.com?owner=acme&repo=fleet-gitops',
            reviewers: ['alice', 'bob'],
            teamReviewers: ['platform-team'],
          },
        },
      },
    });
    await waitForTemplates(server, ['new-cluster', 'decommission-cluster']);
  });
  afterAll(() => {
    mswServer.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('dry-runs without opening anything', async () => {
    const result = await dryRun(
      server,
      'new-cluster',
      TEMPLATE_VALUES['new-cluster'],
    );
    expect(result.output.links).toEqual([
      {
        title: 'Pull request',
        icon: 'github',
        url: 'github.com?owner=acme&repo=fleet-gitops',
      },
      {
        title: 'Follow my requests',
        url: '/fleet/requests?state=all&mine=true',
      },
    ]);
    expect(result.output.text ?? []).toEqual([]);
    expect(github.pulls).toEqual([]);
    expect(github.requests.filter(r => !r.startsWith('GET '))).toEqual([]);
  });

  it('opens one pull request with the branch, title, body, files and reviewers, and updates it on retry', async () => {
    const values = TEMPLATE_VALUES['new-cluster'];
    const task = await runTask(server, 'new-cluster', values);
    expect({
      status: task.status,
      log: task.status === 'completed' ? [] : task.log,
    }).toEqual({ status: 'completed', log: [] });
    expect(existsSync(join(root, 'unused-local-repo'))).toBe(false);

    expect(github.pulls).toHaveLength(1);
    const [pr] = github.pulls;
    expect(pr.head).toMatch(/^fleet\/new-cluster\/[0-9a-f]{10}$/);
    expect(pr.base).toBe('main');
    expect(pr.title).toBe('New k0rdent cluster: prod-eu1');
    expect(pr.body).toContain(
      `Requested through Fleet Portal by \`${REQUESTER}\`.`,
    );
    expect(pr.body).toContain(
      '- Template: `template:default/new-cluster` version `1.0.0`',
    );
    expect(pr.body).toContain('| template | `vsphere-standalone-cp-1-0-42` |');
    for (const file of EXPECTED_FILES['new-cluster'])
      expect(pr.body).toContain(`- \`${file}\``);
    expect(pr.reviewers).toEqual(['alice', 'bob']);
    expect(pr.teamReviewers).toEqual(['platform-team']);
    expect(task.output.links).toEqual([
      {
        title: 'Pull request',
        icon: 'github',
        url: 'https://github.com/acme/fleet-gitops/pull/1',
      },
      {
        title: 'Follow my requests',
        url: '/fleet/requests?state=all&mine=true',
      },
    ]);

    const files = github.filesOf(pr.head);
    expect(Object.keys(files).sort()).toEqual(
      [
        ...new Set([...Object.keys(INITIAL), ...EXPECTED_FILES['new-cluster']]),
      ].sort(),
    );
    expect(files['README.md']).toBe(INITIAL['README.md']);
    for (const doc of parseAllDocuments(
      files['clusters/kcm-system/prod-eu1/clusterdeployment.yaml'],
    )) {
      expect(upstreamErrors(doc.toJS())).toEqual([]);
    }
    const commit = github.commitOf(pr.head);
    expect(commit.parents).toEqual([github.headOf('main')]);
    expect(commitTrailers(commit.message)).toMatchObject({
      'Requested-by': REQUESTER,
      Template: 'template:default/new-cluster',
      'Template-version': '1.0.0',
      Inputs: canonicalJson(values),
    });

    const retry = await runTask(server, 'new-cluster', values);
    expect(retry.status).toBe('completed');
    expect(github.pulls).toHaveLength(1);
    expect(github.branches()).toEqual([pr.head, 'main'].sort());
    expect(
      github.requests.filter(r => r.startsWith('PATCH ')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(retry.output.links?.[0].url).toBe(
      'https://github.com/acme/fleet-gitops/pull/1',
    );
    expect(Object.keys(github.filesOf(pr.head)).sort()).toEqual(
      Object.keys(files).sort(),
    );
  });

  it('deletes the files of a decommissioned cluster in its pull request', async () => {
    github.setMain(github.filesOf(github.pulls[0].head));
    const task = await runTask(
      server,
      'decommission-cluster',
      TEMPLATE_VALUES['decommission-cluster'],
    );
    expect({
      status: task.status,
      log: task.status === 'completed' ? [] : task.log,
    }).toEqual({ status: 'completed', log: [] });
    const pr = github.pulls[1];
    expect(pr.title).toBe('Decommission a cluster: prod-eu1');
    expect(Object.keys(github.filesOf(pr.head)).sort()).toEqual(
      Object.keys(INITIAL).sort(),
    );
  });
});
