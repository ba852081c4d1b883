import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGithubRepository } from '../__testUtils__/fakeGithubRepository';
import { GithubGitRevisions } from './GithubGitRevisions';

describe('GithubGitRevisions', () => {
  let dir: string;
  let github: Awaited<ReturnType<typeof startFakeGithubRepository>>;
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@localhost',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@localhost',
      },
    })
      .toString()
      .trim();
  const commit = (file: string, message: string) => {
    writeFileSync(join(dir, file), message);
    git('add', file);
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-github-revisions-'));
    git('init', '-q', '-b', 'main');
    github = await startFakeGithubRepository({ dir, owner: 'o', repo: 'r' });
  });
  afterEach(async () => {
    await github.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function revisions() {
    const config = new ConfigReader({
      integrations: {
        github: [
          { host: 'ghe.test', apiBaseUrl: github.apiBaseUrl, token: 't' },
        ],
      },
    });
    return new GithubGitRevisions(
      {
        host: 'ghe.test',
        apiBaseUrl: github.apiBaseUrl,
        owner: 'o',
        repo: 'r',
        headers: async () => ({ authorization: 'Bearer t' }),
      },
      UrlReaders.default({ config, logger: mockServices.logger.mock() }),
    );
  }

  it("counts a merged pull request as its merge commit, not its branch's commits", async () => {
    const applied = commit('a.yaml', 'Applied');
    git('checkout', '-q', '-b', 'fleet/request');
    commit('b.yaml', 'First step');
    commit('c.yaml', 'Second step');
    git('checkout', '-q', 'main');
    git(
      'merge',
      '-q',
      '--no-ff',
      '-m',
      'Merge pull request #7',
      'fleet/request',
    );
    const merged = git('rev-parse', 'HEAD');
    const pending = await revisions().pending(merged, applied);
    expect(pending).toEqual({
      ahead: 1,
      truncated: false,
      commits: [
        {
          commit: merged,
          title: 'Merge pull request #7',
          committedAt: expect.any(String),
        },
      ],
    });
    expect(await revisions().pending(applied, applied)).toEqual({
      ahead: 0,
      truncated: false,
      commits: [],
    });
  });

  it("reads a commit's files from its archive, and names a commit GitHub does not know", async () => {
    const first = commit('a.yaml', 'kind: A\n');
    commit('a.yaml', 'kind: B\n');
    const files = await revisions().files(first);
    expect([...files.keys()]).toEqual(['a.yaml']);
    expect(files.get('a.yaml')!.toString()).toBe('kind: A\n');
    await expect(revisions().files('f'.repeat(40))).rejects.toThrow(
      'commit ffffffffffff could not be read from the GitOps repository o/r on ghe.test (GitHub does not know it)',
    );
  });
});
