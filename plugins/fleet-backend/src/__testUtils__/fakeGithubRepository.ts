import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A GitHub REST API over HTTP serving a real local Git repository with the git CLI: what
 * Backstage's GitHub UrlReader reads (commit status, tarball archive) and the compare API.
 */
export async function startFakeGithubRepository(options: {
  /** The local repository (bare or with a working tree). */
  dir: string;
  owner: string;
  repo: string;
}) {
  const { dir, owner, repo } = options;
  const seen: Array<{ path: string; authorization?: string }> = [];
  let failWith: number | undefined;
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], {
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  const isCommit = (sha: string) => {
    try {
      git('cat-file', '-e', `${sha}^{commit}`);
      return true;
    } catch {
      return false;
    }
  };

  let base = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://fake');
    seen.push({ path: url.pathname, authorization: req.headers.authorization });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (failWith) return json(failWith, { message: 'Server Error' });
    const prefix = `/repos/${owner}/${repo}`;
    let match = new RegExp(`^${prefix}/commits/([0-9a-f]{40})/status$`).exec(
      url.pathname,
    );
    if (match) {
      if (!isCommit(match[1])) return json(404, { message: 'Not Found' });
      return json(200, {
        sha: match[1],
        repository: {
          full_name: `${owner}/${repo}`,
          archive_url: `${base}${prefix}/{archive_format}{/ref}`,
        },
      });
    }
    match = new RegExp(`^${prefix}/tarball/([0-9a-f]{40})$`).exec(url.pathname);
    if (match) {
      if (!isCommit(match[1])) return json(404, { message: 'Not Found' });
      const archive = git(
        'archive',
        '--format=tar.gz',
        `--prefix=${owner}-${repo}-${match[1].slice(0, 7)}/`,
        match[1],
      );
      res.writeHead(200, { 'content-type': 'application/x-gzip' });
      return res.end(archive);
    }
    match = new RegExp(
      `^${prefix}/compare/([0-9a-f]{40})\\.\\.\\.([0-9a-f]{40})$`,
    ).exec(url.pathname);
    if (match) {
      const [, baseSha, headSha] = match;
      if (!isCommit(baseSha) || !isCommit(headSha))
        return json(404, { message: 'Not Found' });
      const lines = git(
        'log',
        '--reverse',
        '--format=%H%x00%P%x00%cI%x00%B%x01',
        `${baseSha}..${headSha}`,
      )
        .toString()
        .split('\x01')
        .map(l => l.replace(/^\n/, ''))
        .filter(l => l.length > 0);
      const commits = lines.map(line => {
        const [sha, parents, date, message] = line.split('\x00');
        return {
          sha,
          parents: parents
            .split(' ')
            .filter(Boolean)
            .map(p => ({ sha: p })),
          commit: { message: message.trimEnd(), committer: { date } },
        };
      });
      return json(200, {
        status: commits.length > 0 ? 'ahead' : 'identical',
        ahead_by: commits.length,
        total_commits: commits.length,
        commits,
      });
    }
    return json(404, { message: 'Not Found' });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiBaseUrl: base,
    seen,
    /** Every later request answers `status` (undefined: serve again). */
    fail: (status?: number) => {
      failWith = status;
    },
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
