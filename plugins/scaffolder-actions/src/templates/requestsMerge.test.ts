import type { KubeObject } from '../manifests/types';
import { ConfigReader } from '@backstage/config';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  branchHead,
  buildFluxPath,
  findLocalRepository,
  GITOPS_AREAS,
  inventoryId,
  LocalRepository,
  mergeBranch,
  readCommitFiles,
  setBranch,
  treeOfCommit,
} from '@fleet-portal/plugin-fleet-node';
import git from 'isomorphic-git';
import fs, { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { kustomizeAsFlux } from '@fleet-portal/plugin-fleet-node/testUtils';
import { upstreamErrors } from '../__testUtils__/sharedCrds';
import { exampleInput, tempWorkspace } from '../__testUtils__/workspace';
import { createClusterManifestAction } from '../actions/clusterManifest';
import { clusterManifestExamples } from '../actions/clusterManifest.examples';
import { createDnsManifestAction } from '../actions/dnsManifest';
import { dnsManifestExamples } from '../actions/dnsManifest.examples';
import { createGitopsCheckoutAction } from '../actions/gitopsCheckout';
import { createGitopsPublishLocalAction } from '../actions/gitopsPublishLocal';
import { createImageManifestAction } from '../actions/imageManifest';
import { imageManifestExamples } from '../actions/imageManifest.examples';
import { createVmManifestAction } from '../actions/vmManifest';
import { vmManifestExamples } from '../actions/vmManifest.examples';

jest.setTimeout(120_000);

const AUTHOR = { name: 'Jane Doe', email: 'jane@example.com' };

interface Request {
  branch: string;
  action: TemplateAction<any, any, any>;
  input: Record<string, unknown>;
}

const clusterInput = exampleInput(clusterManifestExamples[0]);
const zoneInput = exampleInput(dnsManifestExamples[0]);

/** What the base repository holds before the five requests: an existing cluster and zone. */
const EXISTING: Request[] = [
  {
    branch: 'fleet/new-cluster/prod-eu1',
    action: createClusterManifestAction(),
    input: clusterInput,
  },
  {
    branch: 'fleet/dns-zone/example-com',
    action: createDnsManifestAction(),
    input: { ...zoneInput, zone: 'example.com', records: [] },
  },
];

/** Five requests filed from the same commit, as five users would through the templates. */
const REQUESTS: Request[] = [
  {
    branch: 'fleet/register-kairos-image/1',
    action: createImageManifestAction(),
    input: exampleInput(imageManifestExamples[0]),
  },
  {
    branch: 'fleet/new-cluster/1',
    action: createClusterManifestAction(),
    input: exampleInput(clusterManifestExamples[1]),
  },
  {
    branch: 'fleet/new-kairos-vm/1',
    action: createVmManifestAction(),
    input: exampleInput(vmManifestExamples[0]),
  },
  {
    branch: 'fleet/dns-zone/1',
    action: createDnsManifestAction(),
    input: zoneInput,
  },
  {
    branch: 'fleet/dns-records/1',
    action: createDnsManifestAction(),
    input: exampleInput(dnsManifestExamples[1]),
  },
];

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map(rest => [
      item,
      ...rest,
    ]),
  );
}

describe('five requests filed from one commit', () => {
  let tmp: ReturnType<typeof tempWorkspace>;
  let repoDir: string;
  let repo: LocalRepository;
  let config: ConfigReader;
  let base: string;
  let runs = 0;

  async function run(
    action: TemplateAction<any, any, any>,
    input: Record<string, unknown>,
    workspacePath: string,
  ): Promise<Record<string, any>> {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath,
      templateInfo: { entityRef: 'template:default/requests' } as any,
      user: { ref: 'user:default/jane.doe' },
    });
    await action.handler(ctx as any);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  /** checkout → manifest action → publish-local, the local path of every creation template. */
  async function file(request: Request): Promise<string> {
    const workspace = join(tmp.path, `ws-${++runs}`);
    mkdirSync(workspace);
    const checkout = await run(
      createGitopsCheckoutAction({ config, urlReader: {} as any }),
      { targetPath: 'gitops' },
      workspace,
    );
    await run(
      request.action,
      { ...request.input, targetPath: checkout.targetPath },
      workspace,
    );
    const published = await run(
      createGitopsPublishLocalAction({ config }),
      {
        branchName: request.branch,
        commitMessage: `${request.branch}\n`,
        targetPath: checkout.targetPath,
        baseCommit: checkout.commit,
      },
      workspace,
    );
    return published.commit;
  }

  const merge = (branch: string) =>
    mergeBranch(repo, { branch, defaultBranch: 'main', author: AUTHOR });

  /** Moves the default branch (and the working tree showing it) back to `commit`. */
  async function resetMain(commit: string) {
    await setBranch(repo, 'main', commit);
    await git.checkout({ fs, ...repo, ref: 'main', force: true });
  }

  beforeAll(async () => {
    tmp = tempWorkspace();
    repoDir = join(tmp.path, 'gitops-repo');
    config = new ConfigReader({
      fleet: { gitops: { localRepository: repoDir, defaultBranch: 'main' } },
    });
    for (const existing of EXISTING) {
      await file(existing);
      repo ??= findLocalRepository(repoDir)!;
      await merge(existing.branch);
    }
    base = (await branchHead(repo, 'main'))!;
    for (const request of REQUESTS) await file(request);
  });
  afterAll(() => tmp.cleanup());

  it('each request is one commit on the base, changing only files of its own objects, none shared with another', async () => {
    const before = await readCommitFiles(repo, base);
    const touched = new Map<string, string>();
    for (const request of REQUESTS) {
      const head = (await branchHead(repo, request.branch))!;
      const { commit } = await git.readCommit({ fs, ...repo, oid: head });
      expect(commit.parent).toEqual([base]);
      const after = await readCommitFiles(repo, head);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
        path => !before.get(path)?.equals(after.get(path) ?? Buffer.alloc(0)),
      );
      expect(changed.length).toBeGreaterThan(0);
      for (const path of changed) {
        expect({ path, by: touched.get(path) }).toEqual({
          path,
          by: undefined,
        });
        touched.set(path, request.branch);
      }
    }
    expect(
      [...touched.keys()].some(p => p.endsWith('kustomization.yaml')),
    ).toBe(false);
  });

  it('merge cleanly in all 120 orders, each ending with the same tree', async () => {
    const branches = REQUESTS.map(r => r.branch);
    const orders = permutations(branches);
    expect(orders).toHaveLength(120);
    // A bare copy: the same objects and refs without a working tree to rewrite after each merge
    // (mergeBranch's working-tree update is tested in fleet-node).
    const bareDir = join(tmp.path, 'bare');
    fs.cpSync(repo.gitdir, bareDir, { recursive: true });
    const bare = { dir: bareDir, gitdir: bareDir };
    const trees = new Set<string>();
    for (const order of orders) {
      await setBranch(bare, 'main', base);
      for (const branch of order) {
        const result = await mergeBranch(bare, {
          branch,
          defaultBranch: 'main',
          author: AUTHOR,
        }).catch((error: Error) => {
          throw new Error(`order ${order.join(' → ')}: ${error.message}`);
        });
        const { commit } = await git.readCommit({
          fs,
          ...bare,
          oid: result.commit,
        });
        expect(commit.parent).toEqual([
          result.previousCommit,
          result.branchCommit,
        ]);
      }
      trees.add(await treeOfCommit(bare, (await branchHead(bare, 'main'))!));
    }
    expect(trees.size).toBe(1);
  });

  it('after all five, every area builds, kubectl kustomize agrees, and every object validates against the upstream CRDs', async () => {
    await resetMain(base);
    for (const { branch } of REQUESTS) await merge(branch);
    const files = await readCommitFiles(
      repo,
      (await branchHead(repo, 'main'))!,
    );

    const root = kustomizeAsFlux(files, '');
    expect(root.map(o => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      [
        'GitRepository/flux-system',
        'Kustomization/flux-system',
        ...GITOPS_AREAS.map(area => `Kustomization/${area.kustomization}`),
      ].sort(),
    );
    const objects = [...root];
    for (const area of GITOPS_AREAS) {
      const built = buildFluxPath(files, `./${area.name}`).map(b => b.object);
      expect(built.map(inventoryId).sort()).toEqual(
        kustomizeAsFlux(files, area.name).map(inventoryId).sort(),
      );
      objects.push(...(built as any[]));
    }
    const kinds = new Set(objects.map(o => o.kind));
    for (const kind of [
      'ClusterDeployment',
      'VMImage',
      'VirtualMachine',
      'Secret',
      'DNSZone',
      'ARecord',
      'MXRecord',
    ])
      expect(kinds).toContain(kind);
    expect(
      objects
        .map(object => ({
          id: inventoryId(object),
          errors: upstreamErrors(object as KubeObject),
        }))
        .filter(({ errors }) => errors.length > 0),
    ).toEqual([]);
  });
});
