import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  state_reason: string | null;
}

/**
 * A local GitHub REST API for the issues endpoints the tracker calls, following the published contract
 * (docs.github.com/rest/issues/issues and github/rest-api-description):
 * - auth: `Authorization: token <t>` or `Bearer <t>`; a wrong or missing token is 401
 *   `{"message":"Bad credentials","documentation_url":…}`.
 * - `POST /repos/{owner}/{repo}/issues`: 201 Created with the issue and a `Location` header; `title`
 *   required, else 422 "Validation Failed" with `errors: [{resource, code: "missing_field", field}]`;
 *   labels must be strings (422 otherwise); 410 Gone "Issues are disabled for this repo" when they are.
 * - `GET` / `PATCH /repos/{owner}/{repo}/issues/{issue_number}`: 200 with the issue; `state` is `open`
 *   or `closed`, `state_reason` `completed` | `not_planned` | `reopened` | null.
 * - an unknown repository or issue is 404 `{"message":"Not Found",…}` (GitHub answers 404, not 403,
 *   for repositories the token cannot see).
 */
export async function startFakeGithub(options: { token: string; repository: string; issuesDisabled?: boolean }) {
  const issues = new Map<number, FakeIssue>();
  const calls: { method: string; path: string }[] = [];
  let base = '';
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
  };
  const problem = (res: ServerResponse, status: number, message: string, extra: object = {}) =>
    send(res, status, {
      message,
      documentation_url: 'https://docs.github.com/rest/issues/issues',
      status: String(status),
      ...extra,
    });
  const view = (issue: FakeIssue) => ({
    id: 1000 + issue.number,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels.map((name) => ({ name })),
    url: `${base}/repos/${options.repository}/issues/${issue.number}`,
    html_url: `https://github.com/${options.repository}/issues/${issue.number}`,
  });
  const readBody = (req: IncomingMessage) =>
    new Promise<Record<string, unknown>>((resolve) => {
      let text = '';
      req.on('data', (c) => {
        text += c;
      });
      req.on('end', () => resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {}));
    });

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    calls.push({ method: req.method ?? '', path });
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`)
      return problem(res, 401, 'Bad credentials');
    const m = /^\/repos\/([^/]+\/[^/]+)\/issues(?:\/(\d+))?$/.exec(path);
    if (!m || m[1] !== options.repository) return problem(res, 404, 'Not Found');
    if (options.issuesDisabled) return problem(res, 410, 'Issues are disabled for this repo');
    const body = req.method === 'GET' ? {} : await readBody(req);
    if (!m[2] && req.method === 'POST') {
      if (typeof body['title'] !== 'string' || body['title'] === '')
        return problem(res, 422, 'Validation Failed', {
          errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
        });
      const labels = (body['labels'] as unknown[] | undefined) ?? [];
      if (!labels.every((l) => typeof l === 'string'))
        return problem(res, 422, 'Validation Failed', {
          errors: [{ resource: 'Issue', code: 'invalid', field: 'labels' }],
        });
      const issue: FakeIssue = {
        number: issues.size + 1,
        title: body['title'],
        body: String(body['body'] ?? ''),
        labels: labels as string[],
        state: 'open',
        state_reason: null,
      };
      issues.set(issue.number, issue);
      return send(res, 201, view(issue), { location: `${base}/repos/${options.repository}/issues/${issue.number}` });
    }
    const issue = m[2] ? issues.get(Number(m[2])) : undefined;
    if (!issue) return problem(res, 404, 'Not Found');
    if (req.method === 'GET') return send(res, 200, view(issue));
    if (req.method === 'PATCH') {
      if (body['state'] === 'closed' || body['state'] === 'open') issue.state = body['state'];
      issue.state_reason = issue.state === 'closed' ? String(body['state_reason'] ?? 'completed') : 'reopened';
      return send(res, 200, view(issue));
    }
    return problem(res, 404, 'Not Found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: base,
    issues,
    calls,
    /** Someone closes the issue on GitHub. */
    close(number: number) {
      const issue = issues.get(number)!;
      issue.state = 'closed';
      issue.state_reason = 'completed';
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
export type FakeGithub = Awaited<ReturnType<typeof startFakeGithub>>;
