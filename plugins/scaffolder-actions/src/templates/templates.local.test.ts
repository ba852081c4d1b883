import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dryRun,
  REQUESTER,
  runTask,
  startFleetBackend,
  templateEntity,
  templateNames,
  waitForTemplates,
} from '../__testUtils__/fleetBackend';
import {
  branchCommit,
  branchFiles,
  commitCount,
  commitOf,
  fastForward,
  listBranches,
  manifestObjects,
} from '../__testUtils__/localGit';
import { upstreamErrors } from '../__testUtils__/sharedCrds';
import { commitTrailers } from '@fleet-portal/plugin-fleet-node';
import { recordableInputs } from '../gitops/request';
import { canonicalJson } from '../gitops/canonicalJson';
import {
  CREATION_ORDER,
  DAY2_TEMPLATES,
  EXPECTED_FILES,
  IMAGE_REFERENCE,
  TEMPLATE_VALUES,
} from './templateValues';

jest.setTimeout(180_000);

const PUBLIC_INPUTS: Record<string, string[]> = {
  'new-kairos-vm': ['joinTokenSecret'],
  'register-kairos-image': ['pullSecret'],
};

describe('templates against the local GitOps repository', () => {
  let root: string;
  let repo: string;
  let server: any;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fleet-templates-'));
    repo = join(root, 'gitops-repo');
    server = await startFleetBackend({
      fleet: { gitops: { localRepository: repo, defaultBranch: 'main' } },
    });
    await waitForTemplates(server, templateNames());
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists all nine templates in templates/all.yaml', () => {
    expect(templateNames()).toEqual(
      [...CREATION_ORDER, ...DAY2_TEMPLATES].sort(),
    );
  });

  it('dry-runs a creation template without creating the repository, showing the diff', async () => {
    const result = await dryRun(
      server,
      'new-cluster',
      TEMPLATE_VALUES['new-cluster'],
    );
    expect(existsSync(repo)).toBe(false);
    const text = result.output.text?.find(t => t.title === 'Local branch');
    expect(text?.content).toContain('(dry run: nothing committed)');
    expect(text?.content).toContain(
      '- State: none (a dry run opens no request)',
    );
    expect(text?.content).toContain(
      '+++ b/clusters/kcm-system/prod-eu1/clusterdeployment.yaml',
    );
    expect(text?.content).toContain('+      version: v1.32.8+k0s.0');
    for (const file of EXPECTED_FILES['new-cluster'])
      expect(text?.content).toContain(`- \`${file}\``);
    expect(text?.content).toContain('fleetportal.io/template: new-cluster');
    expect(text?.content).toContain('(new repository)');
    expect(result.output.links ?? []).toEqual([]);
    const skipped = result.log
      .filter(l => /Skipping/.test(l.body.message))
      .map(l => l.body.stepId);
    expect(skipped).toEqual(['pr']);
    expect(result.directoryContents.map(f => f.path)).toContain(
      'gitops/clusters/kcm-system/prod-eu1/clusterdeployment.yaml',
    );
  });

  async function runAndCheck(name: string) {
    const values = TEMPLATE_VALUES[name];
    const dry = await dryRun(server, name, values);
    expect(dry.output.text?.[0].content).toContain(
      '(dry run: nothing committed)',
    );
    const branchesBefore = await listBranches(repo).catch(() => ['main']);

    const task = await runTask(server, name, values);
    expect({
      name,
      status: task.status,
      log: task.status === 'completed' ? [] : task.log,
    }).toEqual({
      name,
      status: 'completed',
      log: [],
    });
    const branches = await listBranches(repo);
    const added = branches.filter(b => !branchesBefore.includes(b));
    expect(added).toHaveLength(1);
    const [branch] = added;
    expect(branch).toMatch(new RegExp(`^fleet/${name}/[0-9a-f]{10}$`));

    const commit = await commitOf(repo, await branchCommit(repo, branch));
    expect(commit.parent).toEqual([await branchCommit(repo, 'main')]);
    const trailers = commitTrailers(commit.message);
    const recorded = recordableInputs(values, PUBLIC_INPUTS[name] ?? [], []);
    expect(trailers).toEqual({
      'Requested-by': REQUESTER,
      Template: `template:default/${name}`,
      'Template-version':
        templateEntity(name).metadata.annotations[
          'fleetportal.io/template-version'
        ],
      Inputs: canonicalJson(recorded),
    });
    expect(commit.author).toMatchObject({
      name: 'Fleet Portal',
      email: 'fleet-portal@localhost',
    });

    const text =
      task.output.text?.find(t => t.title === 'Local branch')?.content ?? '';
    expect(text).toContain(`Branch \`${branch}\``);
    expect(text).toContain(`Commit: \`${await branchCommit(repo, branch)}\``);
    expect(text).toContain('- State: opened, waiting for review.');
    expect(task.output.links).toEqual([
      {
        title: 'Review and merge',
        url: `/fleet/requests?state=all&branch=${branch}`,
      },
    ]);
    for (const file of EXPECTED_FILES[name])
      expect(text).toContain(`- \`${file}\``);
    expect(text).toMatch(/````diff\ndiff --git a\//);

    const files = await branchFiles(repo, branch);
    const objects = manifestObjects(files);
    expect(objects.length).toBeGreaterThan(0);
    for (const { path, object } of objects)
      expect({ path, errors: upstreamErrors(object) }).toEqual({
        path,
        errors: [],
      });
    return { branch, files, text };
  }

  it('runs every creation template for real, each merged before the next', async () => {
    const texts: Record<string, string> = {};
    for (const name of CREATION_ORDER) {
      const { branch, files, text } = await runAndCheck(name);
      for (const file of EXPECTED_FILES[name])
        expect(Object.keys(files)).toContain(file);
      texts[name] = text;
      await fastForward(repo, 'main', branch);
    }
    // The VMs record the digest of the VMImage register-kairos-image merged before them.
    expect(texts['new-kairos-vm']).toContain(
      `- Image: \`${IMAGE_REFERENCE}\`, read from \`images/fleet-vms/kairos-k0s-v3-2-1.yaml metadata.annotations["fleetportal.io/image-ref"]\``,
    );
    const main = await branchFiles(repo, 'main');
    expect(Object.keys(main)).toEqual(
      expect.arrayContaining([
        'README.md',
        'clusters/kcm-system/prod-eu1/clusterdeployment.yaml',
        'vms/fleet-vms/prod-eu1/prod-eu1-worker-3.yaml',
      ]),
    );
  });

  it('refuses VMs booting a VMImage the repository does not hold, opening no branch', async () => {
    const before = await listBranches(repo);
    const task = await runTask(server, 'new-kairos-vm', {
      ...TEMPLATE_VALUES['new-kairos-vm'],
      image: 'kairos-unregistered',
    });
    expect(task.status).toBe('failed');
    expect(task.log.join('\n')).toContain(
      'image: VMImage kairos-unregistered is not in the GitOps repo (looked for images/fleet-vms/kairos-unregistered.yaml)',
    );
    expect(await listBranches(repo)).toEqual(before);
  });

  it('runs every day-2 template against the merged cluster', async () => {
    const upgrade = await runAndCheck('k0s-upgrade');
    expect(
      upgrade.files['clusters/kcm-system/prod-eu1/clusterdeployment.yaml'],
    ).toContain('version: v1.33.4+k0s.0');
    expect(upgrade.text).toContain(
      '-      version: v1.32.8+k0s.0\n+      version: v1.33.4+k0s.0',
    );

    const moved = await runAndCheck('upgrade-cluster-template');
    expect(moved.text).toContain(
      '-  template: vsphere-standalone-cp-1-0-42\n+  template: vsphere-standalone-cp-1-0-43',
    );
    expect(moved.text).toContain(
      'Checked: upgrade offered by ClusterDeployment kcm-system/prod-eu1 status.availableUpgrades on mgmt',
    );

    const scale = await runAndCheck('scale-cluster');
    expect(
      scale.files['clusters/kcm-system/prod-eu1/clusterdeployment.yaml'],
    ).toContain('workersNumber: 5');

    const decommission = await runAndCheck('decommission-cluster');
    expect(
      Object.keys(decommission.files).filter(p => p.includes('prod-eu1/')),
    ).toEqual([]);
    expect(decommission.text).toContain('deleted file mode 100644');
  });

  it('a retried request reuses its branch and adds no commit', async () => {
    const name = 'scale-cluster';
    const before = await listBranches(repo);
    const branch = before.find(b => b.startsWith(`fleet/${name}/`))!;
    const head = await branchCommit(repo, branch);
    const commits = await commitCount(repo, branch);

    const retry = await runTask(server, name, TEMPLATE_VALUES[name]);
    expect(retry.status).toBe('completed');
    expect(await listBranches(repo)).toEqual(before);
    expect(await branchCommit(repo, branch)).toBe(head);
    expect(await commitCount(repo, branch)).toBe(commits);
    expect(retry.output.text?.[0].content).toContain(
      '(unchanged: this request was already published)',
    );
  });
});
