import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  branchCommit,
  branchFiles,
  commitCount,
  listBranches,
} from '../__testUtils__/localGit';
import {
  exampleInput,
  snapshot,
  tempWorkspace,
} from '../__testUtils__/workspace';
import { DEFAULT_FLUX_SOURCE_URL } from '@fleet-portal/plugin-fleet-node';
import { publishingMode, readGitopsSettings } from '../gitops/gitopsConfig';
import { createGitopsCheckoutAction } from './gitopsCheckout';
import { gitopsCheckoutExamples } from './gitopsCheckout.examples';
import { createGitopsPublishLocalAction } from './gitopsPublishLocal';
import { gitopsPublishLocalExamples } from './gitopsPublishLocal.examples';

let tmp: ReturnType<typeof tempWorkspace>;
let repo: string;
let workspace: string;
let config: ConfigReader;
beforeEach(() => {
  tmp = tempWorkspace();
  repo = join(tmp.path, 'repo');
  workspace = join(tmp.path, 'ws');
  mkdirSync(workspace);
  config = new ConfigReader({
    fleet: { gitops: { localRepository: repo, defaultBranch: 'main' } },
  });
});
afterEach(() => tmp.cleanup());

const urlReader = {
  readTree: jest.fn(),
  readUrl: jest.fn(),
  search: jest.fn(),
};

async function run(
  action: any,
  input: Record<string, unknown>,
  isDryRun = false,
) {
  const ctx = {
    ...createMockActionContext({
      input: input as any,
      workspacePath: workspace,
    }),
    isDryRun,
  };
  await action.handler(ctx);
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls) as Record<
    string,
    any
  >;
}

const checkout = () =>
  createGitopsCheckoutAction({ config, urlReader: urlReader as any });
const publish = () => createGitopsPublishLocalAction({ config });
const MESSAGE = 'Add x\n\nRequested-by: user:default/jane.doe\n';
/** The first commit of a new repository: Flux's objects and one folder per area. */
const SKELETON_PATHS = [
  'README.md',
  'clusters/README.md',
  'dns/README.md',
  'flux-system/clusters.yaml',
  'flux-system/dns.yaml',
  'flux-system/images.yaml',
  'flux-system/kustomization.yaml',
  'flux-system/sync.yaml',
  'flux-system/vms.yaml',
  'images/README.md',
  'kustomization.yaml',
  'vms/README.md',
];

describe('publishing mode', () => {
  const settingsFor = (data: object) => {
    const c = new ConfigReader(data);
    const integrations = ScmIntegrations.fromConfig(c);
    return publishingMode(
      readGitopsSettings(c, integrations, '/srv/backend'),
      integrations,
    );
  };
  it('is github only with a repoUrl and a token for its host', () => {
    const github = {
      fleet: {
        gitops: {
          github: { repoUrl: 'github.com?owner=acme&repo=fleet-gitops' },
        },
      },
    };
    expect(settingsFor(github)).toBe('local');
    expect(
      settingsFor({
        ...github,
        integrations: { github: [{ host: 'github.com', token: 't' }] },
      }),
    ).toBe('github');
    expect(
      settingsFor({
        integrations: { github: [{ host: 'github.com', token: 't' }] },
      }),
    ).toBe('local');
  });
  it('resolves a relative local repository against the working directory', () => {
    const c = new ConfigReader({
      fleet: { gitops: { localRepository: '../../.fleet-portal/gitops-repo' } },
    });
    expect(
      readGitopsSettings(
        c,
        ScmIntegrations.fromConfig(c),
        '/srv/app/packages/backend',
      ),
    ).toMatchObject({
      localRepository: '/srv/app/.fleet-portal/gitops-repo',
      defaultBranch: 'main',
    });
  });

  it('takes the Flux source URL from fluxSourceUrl, else the GitHub clone URL, else a placeholder', () => {
    const urlOf = (gitops: object) => {
      const c = new ConfigReader({ fleet: { gitops } });
      return readGitopsSettings(c, ScmIntegrations.fromConfig(c), '/srv')
        .fluxSourceUrl;
    };
    const github = { repoUrl: 'github.com?owner=acme&repo=fleet-gitops' };
    expect(urlOf({ github })).toBe('https://github.com/acme/fleet-gitops.git');
    expect(
      urlOf({ github, fluxSourceUrl: 'ssh://git@git.example.com/fleet.git' }),
    ).toBe('ssh://git@git.example.com/fleet.git');
    expect(urlOf({})).toBe(DEFAULT_FLUX_SOURCE_URL);
  });
});

describe('fleet:gitops:checkout (local)', () => {
  it.each(gitopsCheckoutExamples.map(e => [e.description, e] as const))(
    'runs example: %s',
    async (_, example) => {
      const input = exampleInput(example);
      const out = await run(checkout(), input);
      const target = (input.targetPath as string) ?? 'gitops';
      expect(out).toMatchObject({
        mode: 'local',
        defaultBranch: 'main',
        targetPath: target,
        reviewers: [],
        teamReviewers: [],
      });
      expect(out.commit).toBe(await branchCommit(repo, 'main'));
      expect(Object.keys(snapshot(join(workspace, target))).sort()).toEqual(
        SKELETON_PATHS,
      );
    },
  );

  it('creates nothing in a dry run and refuses a non-empty target', async () => {
    const out = await run(checkout(), {}, true);
    expect(out.commit).toBe('');
    expect(existsSync(repo)).toBe(false);
    expect(Object.keys(snapshot(join(workspace, 'gitops'))).sort()).toEqual(
      SKELETON_PATHS,
    );
    await expect(run(checkout(), {})).rejects.toThrow(
      /targetPath: .* already exists in the workspace and is not empty/,
    );
  });

  it('starts a new repository with the skeleton, syncing the configured source and branch', async () => {
    config = new ConfigReader({
      fleet: {
        gitops: {
          localRepository: repo,
          defaultBranch: 'production',
          fluxSourceUrl: 'https://git.example.com/platform/fleet.git',
        },
      },
    });
    await run(checkout(), {});
    const files = await branchFiles(repo, 'production');
    expect(Object.keys(files).sort()).toEqual(SKELETON_PATHS);
    expect(snapshot(join(workspace, 'gitops'))).toEqual(files);
    const [source] = parseAllDocuments(files['flux-system/sync.yaml']).map(
      doc => doc.toJS(),
    );
    expect(source).toMatchObject({
      kind: 'GitRepository',
      spec: {
        url: 'https://git.example.com/platform/fleet.git',
        ref: { branch: 'production' },
      },
    });
  });
});

describe('fleet:gitops:publish-local', () => {
  async function checkedOut() {
    const out = await run(checkout(), {});
    mkdirSync(join(workspace, 'gitops/images'), { recursive: true });
    writeFileSync(join(workspace, 'gitops/images/x.yaml'), 'kind: VMImage\n');
    return out;
  }

  it.each(gitopsPublishLocalExamples.map(e => [e.description, e] as const))(
    'runs example: %s',
    async (_, example) => {
      const co = await checkedOut();
      const outputs: Record<string, string> = {
        '${{ steps.request.output.branchName }}':
          'fleet/register-kairos-image/0123456789',
        '${{ steps.request.output.commitMessage }}': MESSAGE,
        '${{ steps.checkout.output.targetPath }}': co.targetPath,
        '${{ steps.checkout.output.commit }}': co.commit,
      };
      const input = Object.fromEntries(
        Object.entries(exampleInput(example)).map(([k, v]) => [
          k,
          outputs[v as string] ?? v,
        ]),
      );
      const out = await run(publish(), input);
      expect(out).toMatchObject({
        branch: input.branchName,
        reused: false,
        repository: repo,
        baseCommit: co.commit,
        files: ['images/x.yaml'],
      });
      expect(out.commit).toBe(
        await branchCommit(repo, input.branchName as string),
      );
      expect(out.diff).toBe(
        'diff --git a/images/x.yaml b/images/x.yaml\nnew file mode 100644\n--- /dev/null\n+++ b/images/x.yaml\n@@ -0,0 +1 @@\n+kind: VMImage\n',
      );
      expect(
        (await branchFiles(repo, input.branchName as string))['images/x.yaml'],
      ).toBe('kind: VMImage\n');
    },
  );

  it('is retry-safe, writes nothing in a dry run, and refuses empty changes and bad branch names', async () => {
    const co = await checkedOut();
    const input = {
      branchName: 'fleet/t/abc',
      commitMessage: MESSAGE,
      baseCommit: co.commit,
    };
    const dry = await run(publish(), input, true);
    expect(dry).toMatchObject({
      commit: '',
      reused: false,
      files: ['images/x.yaml'],
    });
    expect(await listBranches(repo)).toEqual(['main']);

    const first = await run(publish(), input);
    const again = await run(publish(), input);
    expect(again).toMatchObject({
      commit: first.commit,
      reused: true,
      files: ['images/x.yaml'],
    });
    expect(await commitCount(repo, 'fleet/t/abc')).toBe(2);
    expect(await listBranches(repo)).toEqual(['fleet/t/abc', 'main']);

    writeFileSync(
      join(workspace, 'gitops/images/x.yaml'),
      'kind: VMImage\nmetadata: {}\n',
    );
    const changed = await run(publish(), input);
    expect(changed.commit).not.toBe(first.commit);
    expect(await commitCount(repo, 'fleet/t/abc')).toBe(2);

    await expect(
      run(publish(), { ...input, branchName: 'main' }),
    ).rejects.toThrow('branchName: main must not be the default branch main');
    await expect(
      run(publish(), { ...input, branchName: 'fleet/../x' }),
    ).rejects.toThrow(/not a valid Git branch name/);
    rmSync(join(workspace, 'gitops/images/x.yaml'));
    await expect(
      run(publish(), { ...input, branchName: 'fleet/t/empty' }),
    ).rejects.toThrow(/nothing to publish/);
  });
});
