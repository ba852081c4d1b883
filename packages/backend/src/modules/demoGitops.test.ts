import { mockServices } from '@backstage/backend-test-utils';
import {
  ensureLocalRepository,
  fileMapOf,
  findLocalRepository,
} from '@fleet-portal/plugin-fleet-node';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoGitopsOptions } from './demoGitops';

describe('demoGitopsOptions', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'fleet-demo-options-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const config = (gitops: Record<string, string | object>) =>
    mockServices.rootConfig({
      data: { fleet: { gitops, demo: { convergenceStepMs: 250 } } } as any,
    });

  it('runs the demo fleet from the local repository the templates publish to', async () => {
    const logger = mockServices.logger.mock();
    expect(
      await demoGitopsOptions(
        config({ localRepository: 'repo' }),
        logger,
        root,
      ),
    ).toEqual({
      dir: join(root, 'repo'),
      defaultBranch: 'main',
      sourceUrl: undefined,
      pollMs: 2000,
      stepMs: 250,
    });
  });

  it('moves aside a repository an earlier Fleet Portal wrote, saying where', async () => {
    const dir = join(root, 'repo');
    await ensureLocalRepository(
      dir,
      'main',
      { name: 'Old', email: 'old@localhost' },
      () => ({
        files: fileMapOf({
          'README.md': '# old\n',
          'kustomization.yaml': 'kind: Kustomization\n',
        }),
        message: 'old layout',
      }),
    );
    const logger = mockServices.logger.mock();
    await demoGitopsOptions(config({ localRepository: dir }), logger, root);
    expect(existsSync(dir)).toBe(false);
    expect(findLocalRepository(`${dir}.before-flux`)).toBeDefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(`moved it to ${dir}.before-flux`),
    );
  });

  it('leaves the demo fleet alone when templates publish to GitHub', async () => {
    const logger = mockServices.logger.mock();
    expect(
      await demoGitopsOptions(
        config({ github: { repoUrl: 'github.com?owner=acme&repo=fleet' } }),
        logger,
        root,
      ),
    ).toBeUndefined();
  });
});
