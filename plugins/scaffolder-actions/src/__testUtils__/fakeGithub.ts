import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { tarGz } from './tarball';

const API = 'https://api.github.com';

export interface FakePullRequest {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  reviewers: string[];
  teamReviewers: string[];
}

function sha(kind: string, value: unknown): string {
  return createHash('sha1')
    .update(`${kind}\n${JSON.stringify(value)}`)
    .digest('hex');
}

/**
 * An in-memory GitHub repository behind the REST and GraphQL calls that the URL reader and
 * `publish:github:pull-request` make: trees are whole path → text maps.
 */
export function fakeGithub(
  owner: string,
  repo: string,
  initialFiles: Record<string, string>,
) {
  const trees = new Map<string, Record<string, string>>();
  const commits = new Map<
    string,
    { tree: string; parents: string[]; message: string }
  >();
  const blobs = new Map<string, string>();
  const refs = new Map<string, string>();
  const pulls: FakePullRequest[] = [];
  const requests: string[] = [];

  const putTree = (files: Record<string, string>) => {
    const id = sha('tree', Object.entries(files).sort());
    trees.set(id, files);
    return id;
  };
  const putCommit = (tree: string, parents: string[], message: string) => {
    const id = sha('commit', [tree, parents, message, commits.size]);
    commits.set(id, { tree, parents, message });
    return id;
  };
  refs.set('main', putCommit(putTree(initialFiles), [], 'initial'));

  const repoPath = `${API}/repos/${owner}/${repo}`;
  const repository = {
    full_name: `${owner}/${repo}`,
    default_branch: 'main',
    permissions: { admin: false, push: true, pull: true },
    archive_url: `${repoPath}/{archive_format}{/ref}`,
    trees_url: `${repoPath}/git/trees{/sha}`,
  };
  const record = (method: string, url: string) =>
    requests.push(`${method} ${new URL(url).pathname}`);

  const handlers = [
    http.get(repoPath, ({ request }) => {
      record('GET', request.url);
      return HttpResponse.json(repository);
    }),
    http.get(`${repoPath}/commits/:ref/status`, ({ request, params }) => {
      record('GET', request.url);
      const head = refs.get(String(params.ref));
      if (!head)
        return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
      return HttpResponse.json({ sha: head, repository });
    }),
    http.get(`${repoPath}/tarball/:sha`, ({ request, params }) => {
      record('GET', request.url);
      const commit = commits.get(String(params.sha));
      if (!commit)
        return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
      const body = tarGz(
        `${owner}-${repo}-${String(params.sha).slice(0, 7)}`,
        trees.get(commit.tree)!,
      );
      return new HttpResponse(body, {
        headers: { 'content-type': 'application/x-gzip' },
      });
    }),
    http.get(`${repoPath}/commits`, ({ request }) => {
      record('GET', request.url);
      const ref = new URL(request.url).searchParams.get('sha') ?? 'main';
      const head = refs.get(ref) ?? ref;
      const commit = commits.get(head)!;
      return HttpResponse.json([
        { sha: head, commit: { tree: { sha: commit.tree } } },
      ]);
    }),
    http.post(`${repoPath}/git/blobs`, async ({ request }) => {
      record('POST', request.url);
      const { content, encoding } = (await request.json()) as {
        content: string;
        encoding: string;
      };
      const text =
        encoding === 'base64'
          ? Buffer.from(content, 'base64').toString('utf8')
          : content;
      const id = sha('blob', text);
      blobs.set(id, text);
      return HttpResponse.json({ sha: id }, { status: 201 });
    }),
    http.post(`${repoPath}/git/trees`, async ({ request }) => {
      record('POST', request.url);
      const { base_tree: base, tree } = (await request.json()) as {
        base_tree: string;
        tree: Array<{ path: string; sha?: string | null; content?: string }>;
      };
      const files = { ...trees.get(base) };
      for (const entry of tree) {
        if (entry.sha === null) delete files[entry.path];
        else files[entry.path] = entry.content ?? blobs.get(entry.sha!)!;
      }
      return HttpResponse.json({ sha: putTree(files) }, { status: 201 });
    }),
    http.post(`${repoPath}/git/commits`, async ({ request }) => {
      record('POST', request.url);
      const { tree, parents, message } = (await request.json()) as {
        tree: string;
        parents: string[];
        message: string;
      };
      return HttpResponse.json(
        { sha: putCommit(tree, parents, message) },
        { status: 201 },
      );
    }),
    http.post(`${API}/graphql`, async ({ request }) => {
      record('POST', request.url);
      const { variables } = (await request.json()) as {
        variables: { head: string };
      };
      if (!refs.has(variables.head))
        return HttpResponse.json({ data: { repository: { ref: null } } });
      const open = pulls.filter(p => p.head === variables.head);
      const edges = open.map(p => ({
        node: { id: `PR_${p.number}`, number: p.number, url: prUrl(p.number) },
      }));
      return HttpResponse.json({
        data: { repository: { ref: { associatedPullRequests: { edges } } } },
      });
    }),
    http.post(`${repoPath}/git/refs`, async ({ request }) => {
      record('POST', request.url);
      const { ref, sha: target } = (await request.json()) as {
        ref: string;
        sha: string;
      };
      refs.set(ref.replace(/^refs\/heads\//, ''), target);
      return HttpResponse.json(
        { ref, object: { sha: target } },
        { status: 201 },
      );
    }),
    http.patch(`${repoPath}/git/refs/*`, async ({ request }) => {
      record('PATCH', request.url);
      const ref = decodeURIComponent(
        new URL(request.url).pathname.split('/git/refs/')[1],
      ).replace(/^heads\//, '');
      const { sha: target } = (await request.json()) as { sha: string };
      refs.set(ref, target);
      return HttpResponse.json({
        ref: `refs/heads/${ref}`,
        object: { sha: target },
      });
    }),
    http.head(`${repoPath}/contents/*`, ({ request }) => {
      record('HEAD', request.url);
      const path = decodeURIComponent(
        new URL(request.url).pathname.split('/contents/')[1],
      );
      const ref = new URL(request.url).searchParams.get('ref')!;
      const commit = commits.get(refs.get(ref) ?? ref);
      const exists =
        commit !== undefined && trees.get(commit.tree)![path] !== undefined;
      return new HttpResponse(null, { status: exists ? 200 : 404 });
    }),
    http.post(`${repoPath}/pulls`, async ({ request }) => {
      record('POST', request.url);
      const { head, base, title, body } = (await request.json()) as Record<
        string,
        string
      >;
      const pr: FakePullRequest = {
        number: pulls.length + 1,
        head: head.replace(/^[^:]+:/, ''),
        base,
        title,
        body,
        reviewers: [],
        teamReviewers: [],
      };
      pulls.push(pr);
      return HttpResponse.json(prJson(pr), { status: 201 });
    }),
    http.patch(`${repoPath}/pulls/:number`, async ({ request, params }) => {
      record('PATCH', request.url);
      const pr = pulls.find(p => p.number === Number(params.number))!;
      const { title, body } = (await request.json()) as Record<string, string>;
      Object.assign(pr, { title, body });
      return HttpResponse.json(prJson(pr));
    }),
    http.post(
      `${repoPath}/pulls/:number/requested_reviewers`,
      async ({ request, params }) => {
        record('POST', request.url);
        const pr = pulls.find(p => p.number === Number(params.number))!;
        const { reviewers = [], team_reviewers: teams = [] } =
          (await request.json()) as Record<string, string[]>;
        pr.reviewers = [...new Set([...pr.reviewers, ...reviewers])];
        pr.teamReviewers = [...new Set([...pr.teamReviewers, ...teams])];
        return HttpResponse.json(
          {
            ...prJson(pr),
            requested_reviewers: pr.reviewers.map(login => ({ login })),
            requested_teams: [],
          },
          { status: 201 },
        );
      },
    ),
  ];

  function prUrl(number: number) {
    return `https://github.com/${owner}/${repo}/pull/${number}`;
  }
  function prJson(pr: FakePullRequest) {
    return {
      number: pr.number,
      html_url: prUrl(pr.number),
      title: pr.title,
      body: pr.body,
      base: { ref: pr.base },
    };
  }

  return {
    handlers,
    pulls,
    requests,
    branches: () => [...refs.keys()].sort(),
    /** Files at a branch's head commit. */
    filesOf: (branch: string) =>
      trees.get(commits.get(refs.get(branch)!)!.tree)!,
    commitOf: (branch: string) => commits.get(refs.get(branch)!)!,
    headOf: (branch: string) => refs.get(branch),
    setMain(files: Record<string, string>) {
      refs.set('main', putCommit(putTree(files), [refs.get('main')!], 'merge'));
    },
  };
}
