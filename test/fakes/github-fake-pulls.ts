import { type FakeRequest, type FakeResponse, paginate } from './fake-http.ts';
import type { GithubError, GithubRepository } from './github-fake.ts';

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

/**
 * The pull request endpoints (docs.github.com/en/rest/pulls/pulls, …/pulls/review-requests, and
 * …/issues/labels for labels, since a pull request is an issue). Null when the request is not one.
 */
export function handlePulls(
  req: FakeRequest,
  repo: GithubRepository,
  urls: { api: string; web: string },
  error: GithubError,
  options: { collaborators?: string[]; branchExists?: (repository: string, branch: string) => boolean },
): FakeResponse | null {
  const [owner] = repo.name.split('/');
  const toJson = (p: GithubPull) => ({
    url: `${urls.api}/repos/${repo.name}/pulls/${p.number}`,
    id: 1000 + p.number,
    number: p.number,
    html_url: `${urls.web}/${repo.name}/pull/${p.number}`,
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
  });
  const { rest, pulls } = repo;

  if (rest === '/pulls' && req.method === 'POST') {
    const { title, head, base: baseRef, body } = req.body as Record<string, string | undefined>;
    // "Create a pull request": 201; 422 "Validation Failed" with an errors array otherwise.
    if (!title || !head || !baseRef)
      return error(422, 'Validation Failed', 'pulls/pulls#create-a-pull-request', {
        errors: [{ resource: 'PullRequest', field: !title ? 'title' : !head ? 'head' : 'base', code: 'missing_field' }],
      });
    const headRef = head.includes(':') ? head.split(':')[1]! : head;
    if (options.branchExists && !options.branchExists(repo.name, headRef))
      return error(422, 'Validation Failed', 'pulls/pulls#create-a-pull-request', {
        errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }],
      });
    if (pulls.some((p) => p.state === 'open' && p.head === headRef && p.base === baseRef))
      return error(422, 'Validation Failed', 'pulls/pulls#create-a-pull-request', {
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${owner}:${headRef}.`,
          },
        ],
      });
    const pull: GithubPull = {
      number: repo.nextNumber(),
      title,
      body: body ?? null,
      head: headRef,
      base: baseRef,
      state: 'open',
      merged: false,
      labels: [],
      requestedReviewers: [],
    };
    pulls.push(pull);
    return { status: 201, body: toJson(pull) };
  }

  if (rest === '/pulls' && req.method === 'GET') {
    // "List pull requests": state open|closed|all (default open), head "user:ref", base; per_page
    // default 30, at most 100; a Link header when there is more than one page.
    const state = req.query.get('state') ?? 'open';
    const head = req.query.get('head');
    const baseRef = req.query.get('base');
    const matching = pulls.filter(
      (p) =>
        (state === 'all' || p.state === state) &&
        (!head || `${owner}:${p.head}` === head) &&
        (!baseRef || p.base === baseRef),
    );
    const { page, link } = paginate(matching, req, urls.api, { perPage: 30, maxPerPage: 100 });
    return { status: 200, body: page.map(toJson), ...(link ? { headers: { link } } : {}) };
  }

  const one = /^\/(?:pulls|issues)\/(\d+)(\/.*)?$/.exec(rest);
  const pull = one ? pulls.find((p) => p.number === Number(one[1])) : undefined;
  if (!one || !pull) return rest.startsWith('/pulls') ? error(404, 'Not Found', 'pulls/pulls') : null;
  const sub = one[2] ?? '';
  if (rest.startsWith('/pulls/') && sub === '' && req.method === 'GET') return { status: 200, body: toJson(pull) };
  if (rest.startsWith('/pulls/') && sub === '' && req.method === 'PATCH') {
    // "Update a pull request": title, body, state; 200 with the pull request.
    const { title, body, state } = req.body as Record<string, string | undefined>;
    if (title !== undefined) pull.title = title;
    if (body !== undefined) pull.body = body;
    if (state === 'open' || state === 'closed') pull.state = state;
    return { status: 200, body: toJson(pull) };
  }
  if (sub === '/requested_reviewers' && req.method === 'POST') {
    // "Request reviewers for a pull request": 201; 422 when someone is not a collaborator.
    const reviewers = (req.body['reviewers'] as string[] | undefined) ?? [];
    const outsiders = reviewers.filter((r) => !(options.collaborators ?? []).includes(r));
    if (outsiders.length > 0)
      return error(
        422,
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.name} repository.`,
        'pulls/review-requests#request-reviewers-for-a-pull-request',
      );
    pull.requestedReviewers = [...new Set([...pull.requestedReviewers, ...reviewers])];
    return { status: 201, body: toJson(pull) };
  }
  if (rest.startsWith('/issues/') && sub === '/labels' && req.method === 'POST') {
    // "Add labels to an issue" (pull requests are issues): 200 with every label now on it.
    const labels = (req.body['labels'] as string[] | undefined) ?? [];
    pull.labels = [...new Set([...pull.labels, ...labels])];
    return { status: 200, body: pull.labels.map((name, i) => ({ id: i + 1, name })) };
  }
  return null;
}
