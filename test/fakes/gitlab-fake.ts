import { type FakeRequest, type FakeResponse, paginate, startFakeHttp } from './fake-http.ts';

/**
 * A local GitLab REST API v4 (the part Incident Scribe calls), reached through gitbeaker's `host`.
 * Each rule follows GitLab's published contract; the source is named beside it:
 * - "Merge requests API": https://docs.gitlab.com/api/merge_requests/
 * - "Users API" (`GET /users?username=`): https://docs.gitlab.com/api/users/
 * - "REST API" (namespaced paths URL-encoded, status codes, pagination headers):
 *   https://docs.gitlab.com/api/rest/ and https://docs.gitlab.com/api/rest/#pagination
 * - "Personal access tokens" scopes (`api` vs `read_api`): https://docs.gitlab.com/user/profile/personal_access_tokens/
 */
export interface GitlabMergeRequest {
  iid: number;
  title: string;
  description: string | null;
  sourceBranch: string;
  targetBranch: string;
  state: 'opened' | 'closed' | 'merged';
  labels: string[];
  reviewerIds: number[];
}

export interface GitlabFakeOptions {
  /** Full paths of the projects the fake serves (`group/project`). */
  projects: string[];
  /** Tokens and their scope; any other token is 401. */
  tokens: Record<string, 'api' | 'read_api'>;
  /** Usernames that exist. */
  users?: string[];
}

export async function startGitlabFake(options: GitlabFakeOptions) {
  const mrs = new Map<string, GitlabMergeRequest[]>(options.projects.map((p) => [p, []]));
  const users = (options.users ?? []).map((username, i) => ({ id: 100 + i, username, name: username }));
  let nextIid = 1;
  const http = await startFakeHttp((req, base) => handle(req, base));
  const webBase = 'https://gitlab.example.test';

  // Errors are `{ "message": … }` ("REST API", status codes), e.g. "401 Unauthorized", "404 Project Not Found".
  const message = (status: number, text: unknown): FakeResponse => ({ status, body: { message: text } });

  function toJson(project: string, mr: GitlabMergeRequest) {
    return {
      id: 5000 + mr.iid,
      iid: mr.iid,
      project_id: 1,
      title: mr.title,
      description: mr.description,
      state: mr.state,
      source_branch: mr.sourceBranch,
      target_branch: mr.targetBranch,
      labels: mr.labels,
      reviewers: mr.reviewerIds.map((id) => users.find((u) => u.id === id)).filter(Boolean),
      web_url: `${webBase}/${project}/-/merge_requests/${mr.iid}`,
    };
  }

  function handle(req: FakeRequest, base: string): FakeResponse {
    // Authentication: `PRIVATE-TOKEN` header (or `Authorization: Bearer`); else 401.
    const token =
      String(req.headers['private-token'] ?? '') ||
      (/^bearer\s+(.+)$/i.exec(String(req.headers['authorization'] ?? ''))?.[1] ?? '');
    const scope = options.tokens[token];
    if (!scope) return message(401, '401 Unauthorized');
    const isWrite = req.method !== 'GET';
    // `read_api` reads only; a write with it is 403 insufficient_scope (OAuth 2.0 bearer error body).
    if (isWrite && scope !== 'api')
      return {
        status: 403,
        body: {
          error: 'insufficient_scope',
          error_description: 'The request requires higher privileges than provided by the access token.',
          scope: 'api',
        },
      };
    if (req.path === '/api/v4/users' && req.method === 'GET') {
      const username = req.query.get('username');
      return { status: 200, body: users.filter((u) => !username || u.username === username) };
    }
    // A namespaced path is one URL-encoded segment: /projects/group%2Fproject/…
    const match = /^\/api\/v4\/projects\/([^/]+)(\/.*)$/.exec(req.path);
    if (!match) return message(404, '404 Not Found');
    const project = decodeURIComponent(match[1]!);
    const list = mrs.get(project);
    if (!list) return message(404, '404 Project Not Found');
    const rest = match[2]!;

    if (rest === '/merge_requests' && req.method === 'POST') {
      const body = req.body as Record<string, unknown>;
      const source = String(body['source_branch'] ?? '');
      const target = String(body['target_branch'] ?? '');
      const title = String(body['title'] ?? '');
      // Required attributes missing: 400 "<name> is missing".
      if (!source || !target || !title)
        return {
          status: 400,
          body: { error: `${!source ? 'source_branch' : !target ? 'target_branch' : 'title'} is missing` },
        };
      // One open merge request per source and target branch: 409 with the existing one named.
      const open = list.find((m) => m.state === 'opened' && m.sourceBranch === source && m.targetBranch === target);
      if (open) return message(409, [`Another open merge request already exists for this source branch: !${open.iid}`]);
      const mr: GitlabMergeRequest = {
        iid: nextIid++,
        title,
        description: typeof body['description'] === 'string' ? body['description'] : null,
        sourceBranch: source,
        targetBranch: target,
        state: 'opened',
        labels: splitLabels(body['labels']),
        reviewerIds: ((body['reviewer_ids'] as number[] | undefined) ?? []).map(Number),
      };
      list.push(mr);
      return { status: 201, body: toJson(project, mr) };
    }
    if (rest === '/merge_requests' && req.method === 'GET') {
      // Filters: state (opened, closed, merged, all), source_branch, target_branch; offset pagination
      // with per_page (default 20, at most 100), Link and the x-page / x-next-page / x-total headers.
      const state = req.query.get('state') ?? 'all';
      const source = req.query.get('source_branch');
      const target = req.query.get('target_branch');
      const matching = list.filter(
        (m) =>
          (state === 'all' || m.state === state) &&
          (!source || m.sourceBranch === source) &&
          (!target || m.targetBranch === target),
      );
      const { page, link, pageNumber, perPage, totalPages } = paginate(matching, req, base, {
        perPage: 20,
        maxPerPage: 100,
      });
      const headers: Record<string, string> = {
        'x-page': String(pageNumber),
        'x-per-page': String(perPage),
        'x-total': String(matching.length),
        'x-total-pages': String(totalPages),
        'x-next-page': pageNumber < totalPages ? String(pageNumber + 1) : '',
        'x-prev-page': pageNumber > 1 ? String(pageNumber - 1) : '',
      };
      if (link) headers['link'] = link;
      return { status: 200, body: page.map((m) => toJson(project, m)), headers };
    }
    const one = /^\/merge_requests\/(\d+)$/.exec(rest);
    const mr = one ? list.find((m) => m.iid === Number(one[1])) : undefined;
    if (!mr) return message(404, '404 Not found');
    if (req.method === 'GET') return { status: 200, body: toJson(project, mr) };
    if (req.method === 'PUT') {
      const body = req.body as Record<string, unknown>;
      if (typeof body['title'] === 'string') mr.title = body['title'];
      if (typeof body['description'] === 'string') mr.description = body['description'];
      if (body['labels'] !== undefined) mr.labels = splitLabels(body['labels']);
      if (Array.isArray(body['reviewer_ids'])) mr.reviewerIds = (body['reviewer_ids'] as number[]).map(Number);
      return { status: 200, body: toJson(project, mr) };
    }
    return message(405, '405 Method Not Allowed');
  }

  return {
    apiUrl: http.base,
    requests: http.requests,
    mergeRequests: (project: string) => mrs.get(project) ?? [],
    users,
    merge(project: string, iid: number) {
      const mr = mrs.get(project)?.find((m) => m.iid === iid);
      if (!mr) throw new Error(`no merge request !${iid}`);
      mr.state = 'merged';
    },
    seed(project: string, count: number, target = 'main') {
      for (let i = 0; i < count; i += 1)
        mrs.get(project)!.push({
          iid: nextIid++,
          title: `Other change ${i}`,
          description: null,
          sourceBranch: `other-${i}`,
          targetBranch: target,
          state: 'opened',
          labels: [],
          reviewerIds: [],
        });
    },
    close: http.close,
  };
}
export type GitlabFake = Awaited<ReturnType<typeof startGitlabFake>>;

/** Labels come as a comma-separated string ("Merge requests API") or, from some clients, an array. */
function splitLabels(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value !== '' ? value.split(',').map((l) => l.trim()) : [];
}
