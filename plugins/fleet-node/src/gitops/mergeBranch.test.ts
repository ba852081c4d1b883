import { ConflictError, NotFoundError } from '@backstage/errors';
import git from 'isomorphic-git';
import fs, { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  branchHead,
  ensureLocalRepository,
  LocalRepository,
  readCommitFiles,
  setBranch,
  writeFilesCommit,
} from './localRepository';
import { listRequestBranches, mergeBranch, RequestBranch } from './mergeBranch';
import {
  repositorySkeletonFiles,
  SKELETON_COMMIT_MESSAGE,
} from './repositorySkeleton';

const AUTHOR = { name: 'Fleet Portal', email: 'fleet-portal@localhost' };
const MERGER = { name: 'Jane Doe', email: 'jane@example.com' };

let root: string;
let repo: LocalRepository;
let base: string;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'fleet-merge-'));
  repo = await ensureLocalRepository(
    join(root, 'repo'),
    'main',
    AUTHOR,
    () => ({
      files: repositorySkeletonFiles({
        sourceUrl: 'https://git.example.com/fleet.git',
        defaultBranch: 'main',
      }),
      message: SKELETON_COMMIT_MESSAGE,
    }),
  );
  base = (await branchHead(repo, 'main'))!;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Commits `changes` (path → text, or null to delete) on top of `parent` as `branch`. */
async function request(
  branch: string,
  changes: Record<string, string | null>,
  parent = base,
): Promise<string> {
  const files = await readCommitFiles(repo, parent);
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) files.delete(path);
    else files.set(path, Buffer.from(text));
  }
  const commit = await writeFilesCommit(repo, {
    files,
    parent,
    message: `Request ${branch}\n\nmore text\n`,
    author: AUTHOR,
  });
  await setBranch(repo, branch, commit);
  return commit;
}

/** Every file of the working tree (not .git) with its text. */
function workingTree(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[relative(repo.dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(repo.dir);
  return out;
}

async function refs(): Promise<Record<string, string>> {
  const branches = await git.listBranches({ fs, ...repo });
  const out: Record<string, string> = {
    HEAD: await git.resolveRef({ fs, ...repo, ref: 'HEAD', depth: 1 }),
  };
  for (const branch of branches)
    out[branch] = (await branchHead(repo, branch))!;
  return out;
}

/** `git status`: the paths whose HEAD, working tree and index entries differ. */
async function unclean(): Promise<string[]> {
  const status = await git.statusMatrix({ fs, ...repo });
  return status
    .filter(
      ([, head, workdir, stage]) => head !== 1 || workdir !== 1 || stage !== 1,
    )
    .map(([path]) => path);
}

async function commitFiles(commit: string): Promise<Record<string, string>> {
  return Object.fromEntries(
    [...(await readCommitFiles(repo, commit))].map(([path, content]) => [
      path,
      content.toString('utf8'),
    ]),
  );
}

const merge = (branch: string) =>
  mergeBranch(repo, { branch, defaultBranch: 'main', author: MERGER });

describe('mergeBranch', () => {
  it('merges with a merge commit of two parents, and the working tree shows it', async () => {
    const a = await request('fleet/a', { 'clusters/a/x.yaml': 'kind: A\n' });
    const b = await request('fleet/b', {
      'dns/b/zone.yaml': 'kind: B\n',
      'dns/README.md': null,
    });

    const first = await merge('fleet/a');
    expect(first).toMatchObject({
      branch: 'fleet/a',
      branchCommit: a,
      previousCommit: base,
    });
    expect(await branchHead(repo, 'main')).toBe(first.commit);
    const { commit: parsed } = await git.readCommit({
      fs,
      ...repo,
      oid: first.commit,
    });
    expect(parsed.parent).toEqual([base, a]);
    expect(parsed.author).toMatchObject(MERGER);
    expect(parsed.message).toBe("Merge branch 'fleet/a' into main\n");

    const second = await merge('fleet/b');
    expect(second.previousCommit).toBe(first.commit);
    const { commit: secondParsed } = await git.readCommit({
      fs,
      ...repo,
      oid: second.commit,
    });
    expect(secondParsed.parent).toEqual([first.commit, b]);

    const expected = await commitFiles(base);
    delete expected['dns/README.md'];
    expected['clusters/a/x.yaml'] = 'kind: A\n';
    expected['dns/b/zone.yaml'] = 'kind: B\n';
    expect(await commitFiles(second.commit)).toEqual(expected);
    expect(workingTree()).toEqual(expected);
    expect(await unclean()).toEqual([]);
  });

  it('refuses a conflicting branch, naming the path, and moves nothing', async () => {
    await request('fleet/one', { 'README.md': '# one\n' });
    await request('fleet/two', { 'README.md': '# two\n' });
    await merge('fleet/one');
    const refsBefore = await refs();
    const treeBefore = workingTree();

    const error = await merge('fleet/two').catch(e => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(
      /^branch fleet\/two no longer merges cleanly into main \(conflicting: README\.md\)/,
    );
    expect(await refs()).toEqual(refsBefore);
    expect(workingTree()).toEqual(treeBefore);
    expect(treeBefore['README.md']).toBe('# one\n');
    expect(await unclean()).toEqual([]);
  });

  it('refuses a branch already merged, and one that is behind the default branch', async () => {
    await request('fleet/a', { 'clusters/a/x.yaml': 'kind: A\n' });
    await merge('fleet/a');
    const refsBefore = await refs();
    await expect(merge('fleet/a')).rejects.toThrow(
      new ConflictError('branch fleet/a is already merged into main'),
    );
    await setBranch(repo, 'fleet/stale', base);
    await expect(merge('fleet/stale')).rejects.toThrow(ConflictError);
    expect(await refs()).toEqual({ ...refsBefore, 'fleet/stale': base });
  });

  it('refuses a branch that does not exist', async () => {
    await expect(merge('fleet/none')).rejects.toThrow(NotFoundError);
  });
});

describe('listRequestBranches', () => {
  it('lists every branch but the default one, merged or not', async () => {
    const a = await request('fleet/a', { 'clusters/a/x.yaml': 'kind: A\n' });
    const b = await request('fleet/b', { 'clusters/b/x.yaml': 'kind: B\n' });
    const c = await request('fleet/c', { 'clusters/c/x.yaml': 'kind: C\n' }, a);
    await merge('fleet/a');

    // Newest first by commit second, so these three (often the same second) are compared by name.
    const byName = (list: RequestBranch[]) =>
      [...list].sort((x, y) => x.branch.localeCompare(y.branch));
    const listed = byName(await listRequestBranches(repo, 'main'));
    expect(
      listed.map(({ branch, commit, merged, title }) => ({
        branch,
        commit,
        merged,
        title,
      })),
    ).toEqual([
      { branch: 'fleet/a', commit: a, merged: true, title: 'Request fleet/a' },
      { branch: 'fleet/b', commit: b, merged: false, title: 'Request fleet/b' },
      { branch: 'fleet/c', commit: c, merged: false, title: 'Request fleet/c' },
    ]);
    expect(listed[0]).toMatchObject({
      message: 'Request fleet/a\n\nmore text\n',
      author: AUTHOR,
    });
    expect(listed[0].committedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    await merge('fleet/c');
    expect(
      byName(await listRequestBranches(repo, 'main')).map(r => [
        r.branch,
        r.merged,
      ]),
    ).toEqual([
      ['fleet/a', true],
      ['fleet/b', false],
      ['fleet/c', true],
    ]);
  });
});

describe('ensureLocalRepository', () => {
  it('writes the first commit and checks it out', async () => {
    expect(await commitFiles(base)).toEqual(
      Object.fromEntries(
        [
          ...repositorySkeletonFiles({
            sourceUrl: 'https://git.example.com/fleet.git',
            defaultBranch: 'main',
          }),
        ].map(([path, content]) => [path, content.toString('utf8')]),
      ),
    );
    expect(workingTree()).toEqual(await commitFiles(base));
  });
});
