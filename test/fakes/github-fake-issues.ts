import type { FakeRequest, FakeResponse } from './fake-http.ts';
import type { GithubError, GithubRepository } from './github-fake.ts';

/** An issue as the fake keeps it; on GitHub it shares its number sequence with the pull requests. */
export interface GithubIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  state_reason: string | null;
}

/**
 * The issues endpoints (docs.github.com/rest/issues/issues, github/rest-api-description):
 * - `POST /repos/{owner}/{repo}/issues`: 201 Created with the issue and a `Location` header; `title`
 *   required, else 422 "Validation Failed" with `errors: [{resource, code: "missing_field", field}]`;
 *   labels must be strings (422 otherwise); 410 Gone "Issues are disabled for this repo" when they are.
 * - `GET` / `PATCH /repos/{owner}/{repo}/issues/{issue_number}`: 200 with the issue; `state` is `open`
 *   or `closed`, `state_reason` `completed` | `not_planned` | `reopened` | null; 404 for no such issue.
 * Null when the request is not one of these.
 */
export function handleIssues(
  req: FakeRequest,
  repo: GithubRepository,
  urls: { api: string; web: string },
  error: GithubError,
): FakeResponse | null {
  const one = /^\/issues(?:\/(\d+))?$/.exec(repo.rest);
  if (!one) return null;
  if (repo.issuesDisabled) return error(410, 'Issues are disabled for this repo', 'issues/issues');
  const view = (issue: GithubIssue) => ({
    id: 1000 + issue.number,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels.map((name) => ({ name })),
    url: `${urls.api}/repos/${repo.name}/issues/${issue.number}`,
    html_url: `${urls.web}/${repo.name}/issues/${issue.number}`,
  });
  if (!one[1] && req.method === 'POST') {
    const { title, body, labels = [] } = req.body as { title?: unknown; body?: unknown; labels?: unknown[] };
    if (typeof title !== 'string' || title === '')
      return error(422, 'Validation Failed', 'issues/issues#create-an-issue', {
        errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
      });
    if (!labels.every((l) => typeof l === 'string'))
      return error(422, 'Validation Failed', 'issues/issues#create-an-issue', {
        errors: [{ resource: 'Issue', code: 'invalid', field: 'labels' }],
      });
    const issue: GithubIssue = {
      number: repo.nextNumber(),
      title,
      body: String(body ?? ''),
      labels: labels as string[],
      state: 'open',
      state_reason: null,
    };
    repo.issues.set(issue.number, issue);
    return {
      status: 201,
      body: view(issue),
      headers: { location: `${urls.api}/repos/${repo.name}/issues/${issue.number}` },
    };
  }
  const issue = one[1] ? repo.issues.get(Number(one[1])) : undefined;
  if (!issue) return error(404, 'Not Found', 'issues/issues');
  if (req.method === 'GET') return { status: 200, body: view(issue) };
  if (req.method === 'PATCH') {
    const state = req.body['state'];
    if (state === 'closed' || state === 'open') issue.state = state;
    issue.state_reason = issue.state === 'closed' ? String(req.body['state_reason'] ?? 'completed') : 'reopened';
    return { status: 200, body: view(issue) };
  }
  return error(404, 'Not Found', 'issues/issues');
}
