import { type FakeRequest, type FakeResponse, paginate, startFakeHttp } from './fake-http.ts';

/**
 * A local GitHub REST API (the part Incident Scribe calls), reached through Octokit's `baseUrl`.
 * Each rule follows GitHub's published contract; the source is named beside it:
 * - REST docs, "Pulls": https://docs.github.com/en/rest/pulls/pulls and …/pulls/review-requests
 * - REST docs, "Labels": https://docs.github.com/en/rest/issues/labels
 * - REST docs, "Using pagination": https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
 * - REST docs, "Troubleshooting" and the error bodies: https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 * - GitHub's OpenAPI description (github/rest-api-description) for field names and status codes.
 */
export interface GithubPull {
  number: number;
  title: string;
  body: string | null;
  head: string;
  base: string;
  state: 'open' | 'closed';
  merged: boolean;
  labels: string[];
  requestedReviewers: string[];
}

export interface GithubFakeOptions {
  /** owner/name of each repository the fake serves. */
  repositories: string[];
  /** Tokens and what each may do; any other token is "Bad credentials". */
  tokens: Record<string, 'write' | 'read'>;
  /** Logins that may be asked to review (collaborators). */
  collaborators?: string[];
  /** Whether a branch exists (the fake's pulls need a real head); every branch does by default. */
  branchExists?: (repository: string, branch: string) => boolean;
}

export async function startGithubFake(options: GithubFakeOptions) {
  const pulls = new Map<string, GithubPull[]>(options.repositories.map((r) => [r, []]));
  let nextNumber = 1;
  const http = await startFakeHttp((req, base) => handle(req, base));
  const webBase = 'https://github.example.test';

  const docs = (anchor: string) => `https://docs.github.com/rest/${anchor}`;
  // Error bodies: { message, documentation_url, status } ("Troubleshooting the REST API").
  const error = (
    status: number,
    message: string,
    anchor: string,
    extra: Record<string, unknown> = {},
  ): FakeResponse => ({
    status,
    body: { message, ...extra, documentation_url: docs(anchor), status: String(status) },
  });

  function toJson(repository: string, p: GithubPull, base: string) {
    const [owner] = repository.split('/');
    return {
      url: `${base}/repos/${repository}/pulls/${p.number}`,
      id: 1000 + p.number,
      number: p.number,
      html_url: `${webBase}/${repository}/pull/${p.number}`,
      state: p.state,
      title: p.title,
      body: p.body,
      draft: false,
      merged: p.merged,
      merged_at: p.merged ? '2026-01-01T00:00:00Z' : null,
      head: { ref: p.head, label: `${owner}:${p.head}` },
      base: { ref: p.base, label: `${owner}:${p.base}` },
      labels: p.labels.map((name, i) => ({ id: i + 1, name })),
      requested_reviewers: p.requestedReviewers.map((login) => ({ login })),
    };
  }

  function handle(req: FakeRequest, base: string): FakeResponse {
    // Authentication: `Authorization: token …` or `Bearer …`; anything else is 401 "Bad credentials".
    const auth = String(req.headers['authorization'] ?? '');
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1] ?? '';
    const access = options.tokens[token];
    if (!access) return error(401, 'Bad credentials', 'overview/troubleshooting-the-rest-api');
    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(req.path);
    if (!match) return error(404, 'Not Found', 'overview/troubleshooting-the-rest-api');
    const repository = `${match[1]}/${match[2]}`;
    const list = pulls.get(repository);
    // A repository the token cannot see is 404, never 403 (docs: "404 for private resources").
    if (!list) return error(404, 'Not Found', 'pulls/pulls');
    const rest = match[3]!;
    const isWrite = req.method !== 'GET';
    // A token without `pull_requests: write` gets 403 on writes.
    if (isWrite && access !== 'write')
      return error(403, 'Resource not accessible by personal access token', 'pulls/pulls');

    if (rest === '/pulls' && req.method === 'POST') {
      const { title, head, base: baseRef, body } = req.body as Record<string, string | undefined>;
      // "Create a pull request": 201; 422 "Validation Failed" with an errors array otherwise.
      if (!title || !head || !baseRef)
        return error(422, 'Validation Failed', 'pulls/pulls#create-a-pull-request', {
          errors: [
            { resource: 'PullRequest', field: !title ? 'title' : !head ? 'head' : 'base', code: 'missing_field' },
          ],
        });
      const headRef = head.includes(':') ? head.split(':')[1]! : head;
      if (options.branchExists && !options.branchExists(repository, headRef))
        return error(422, 'Validation Failed', 'pulls/pulls#create-a-pull-request', {
          errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }],
        });
      if (list.some((p) => p.state === 'open' && p.head === headRef && p.base === baseRef))
        return error(422, 'Validation Failed', 'pulls/pulls#create-a-pull-request', {
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${match[1]}:${headRef}.`,
            },
          ],
        });
      const pull: GithubPull = {
        number: nextNumber++,
        title,
        body: body ?? null,
        head: headRef,
        base: baseRef,
        state: 'open',
        merged: false,
        labels: [],
        requestedReviewers: [],
      };
      list.push(pull);
      return { status: 201, body: toJson(repository, pull, base) };
    }

    if (rest === '/pulls' && req.method === 'GET') {
      // "List pull requests": state open|closed|all (default open), head "user:ref", base; per_page
      // default 30, at most 100; a Link header when there is more than one page.
      const state = req.query.get('state') ?? 'open';
      const head = req.query.get('head');
      const baseRef = req.query.get('base');
      const matching = list.filter(
        (p) =>
          (state === 'all' || p.state === state) &&
          (!head || `${match[1]}:${p.head}` === head) &&
          (!baseRef || p.base === baseRef),
      );
      const { page, link } = paginate(matching, req, base, { perPage: 30, maxPerPage: 100 });
      return {
        status: 200,
        body: page.map((p) => toJson(repository, p, base)),
        ...(link ? { headers: { link } } : {}),
      };
    }

    const one = /^\/(?:pulls|issues)\/(\d+)(\/.*)?$/.exec(rest);
    const pull = one ? list.find((p) => p.number === Number(one[1])) : undefined;
    if (!one || !pull) return error(404, 'Not Found', 'pulls/pulls');
    const sub = one[2] ?? '';
    if (rest.startsWith('/pulls/') && sub === '' && req.method === 'GET')
      return { status: 200, body: toJson(repository, pull, base) };
    if (rest.startsWith('/pulls/') && sub === '' && req.method === 'PATCH') {
      // "Update a pull request": title, body, state; 200 with the pull request.
      const { title, body, state } = req.body as Record<string, string | undefined>;
      if (title !== undefined) pull.title = title;
      if (body !== undefined) pull.body = body;
      if (state === 'open' || state === 'closed') pull.state = state;
      return { status: 200, body: toJson(repository, pull, base) };
    }
    if (sub === '/requested_reviewers' && req.method === 'POST') {
      // "Request reviewers for a pull request": 201; 422 when someone is not a collaborator.
      const reviewers = (req.body['reviewers'] as string[] | undefined) ?? [];
      const outsiders = reviewers.filter((r) => !(options.collaborators ?? []).includes(r));
      if (outsiders.length > 0)
        return error(
          422,
          `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repository} repository.`,
          'pulls/review-requests#request-reviewers-for-a-pull-request',
        );
      pull.requestedReviewers = [...new Set([...pull.requestedReviewers, ...reviewers])];
      return { status: 201, body: toJson(repository, pull, base) };
    }
    if (rest.startsWith('/issues/') && sub === '/labels' && req.method === 'POST') {
      // "Add labels to an issue" (pull requests are issues): 200 with every label now on it.
      const labels = (req.body['labels'] as string[] | undefined) ?? [];
      pull.labels = [...new Set([...pull.labels, ...labels])];
      return { status: 200, body: pull.labels.map((name, i) => ({ id: i + 1, name })) };
    }
    return error(404, 'Not Found', 'overview/troubleshooting-the-rest-api');
  }

  return {
    apiUrl: http.base,
    requests: http.requests,
    pulls: (repository: string) => pulls.get(repository) ?? [],
    /** What someone merging the pull request on GitHub does. */
    merge(repository: string, number: number) {
      const pull = pulls.get(repository)?.find((p) => p.number === number);
      if (!pull) throw new Error(`no pull request #${number}`);
      pull.state = 'closed';
      pull.merged = true;
    },
    /** Pull requests from other branches, so lists run to several pages. */
    seed(repository: string, count: number, base = 'main') {
      for (let i = 0; i < count; i += 1)
        pulls.get(repository)!.push({
          number: nextNumber++,
          title: `Other change ${i}`,
          body: null,
          head: `other-${i}`,
          base,
          state: 'open',
          merged: false,
          labels: [],
          requestedReviewers: [],
        });
    },
    close: http.close,
  };
}
export type GithubFake = Awaited<ReturnType<typeof startGithubFake>>;
