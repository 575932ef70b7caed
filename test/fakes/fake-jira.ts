import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeJiraIssue {
  key: string;
  summary: string;
  description: string;
  issueType: string;
  labels: string[];
  status: 'To Do' | 'In Progress' | 'Done';
}

const CATEGORY = { 'To Do': 'new', 'In Progress': 'indeterminate', Done: 'done' } as const;

/**
 * A local Jira REST API v2 for the calls the tracker makes, following Atlassian's published contract
 * (developer.atlassian.com/cloud/jira/platform/rest/v2 and the Data Center REST reference):
 * - auth: `Basic base64(email:api token)` (Cloud) or `Bearer <personal access token>` (Data Center);
 *   anything else is 401 with `errorMessages`.
 * - `POST /rest/api/2/issue` `{fields: {project: {key}, summary, description, issuetype: {name}, labels}}`:
 *   201 `{id, key, self}`; a missing summary, an unknown project or issue type is 400
 *   `{errorMessages: [], errors: {field: message}}`.
 * - `GET /rest/api/2/issue/{key}?fields=status`: 200 with `fields.status.statusCategory.key`
 *   (`new` | `indeterminate` | `done`); an unknown issue is 404 "Issue does not exist or you do not have
 *   permission to see it.".
 * - `GET /rest/api/2/issue/{key}/transitions`: `{transitions: [{id, name, to: {name, statusCategory}}]}`;
 *   `POST` the same path with `{transition: {id}}`: 204; an id not offered is 400.
 */
export async function startFakeJira(options: { project: string; email: string; token: string; pat: string }) {
  const issues = new Map<string, FakeJiraIssue>();
  let base = '';
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, errorMessages: string[], errors: Record<string, string> = {}) =>
    send(res, status, { errorMessages, errors });
  const readBody = (req: IncomingMessage) =>
    new Promise<Record<string, unknown>>((resolve) => {
      let text = '';
      req.on('data', (c) => {
        text += c;
      });
      req.on('end', () => resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {}));
    });
  const TRANSITIONS = [
    { id: '11', name: 'Start', to: 'In Progress' },
    { id: '31', name: 'Done', to: 'Done' },
  ] as const;

  const server = createServer(async (req, res) => {
    const basic = `Basic ${Buffer.from(`${options.email}:${options.token}`).toString('base64')}`;
    if (req.headers.authorization !== basic && req.headers.authorization !== `Bearer ${options.pat}`)
      return refuse(res, 401, ['Client must be authenticated to access this resource.']);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = req.method === 'POST' ? await readBody(req) : {};
    if (path === '/rest/api/2/issue' && req.method === 'POST') {
      const fields = (body['fields'] ?? {}) as Record<string, Record<string, unknown> | string | string[]>;
      const errors: Record<string, string> = {};
      if ((fields['project'] as { key?: string })?.key !== options.project)
        errors['project'] = 'valid project is required';
      if (typeof fields['summary'] !== 'string' || fields['summary'] === '')
        errors['summary'] = 'You must specify a summary of the issue.';
      const type = (fields['issuetype'] as { name?: string })?.name;
      if (type !== 'Task' && type !== 'Bug') errors['issuetype'] = 'Specify a valid issue type';
      if (Object.keys(errors).length > 0) return refuse(res, 400, [], errors);
      const key = `${options.project}-${issues.size + 1}`;
      issues.set(key, {
        key,
        summary: fields['summary'] as string,
        description: String(fields['description'] ?? ''),
        issueType: type!,
        labels: (fields['labels'] as string[] | undefined) ?? [],
        status: 'To Do',
      });
      return send(res, 201, {
        id: String(10000 + issues.size),
        key,
        self: `${base}/rest/api/2/issue/${10000 + issues.size}`,
      });
    }
    const m = /^\/rest\/api\/2\/issue\/([A-Z][A-Z0-9_]+-\d+)(\/transitions)?$/.exec(path);
    const issue = m ? issues.get(m[1]!) : undefined;
    if (!issue) return refuse(res, 404, ['Issue does not exist or you do not have permission to see it.']);
    if (!m![2] && req.method === 'GET')
      return send(res, 200, {
        id: '1',
        key: issue.key,
        fields: { status: { name: issue.status, statusCategory: { key: CATEGORY[issue.status] } } },
      });
    if (m![2] && req.method === 'GET')
      return send(res, 200, {
        transitions: TRANSITIONS.filter((t) => t.to !== issue.status).map((t) => ({
          id: t.id,
          name: t.name,
          to: { name: t.to, statusCategory: { key: CATEGORY[t.to] } },
        })),
      });
    if (m![2] && req.method === 'POST') {
      const id = (body['transition'] as { id?: string } | undefined)?.id;
      const transition = TRANSITIONS.find((t) => t.id === id && t.to !== issue.status);
      if (!transition) return refuse(res, 400, [`Transition id '${id}' is not valid for this issue.`]);
      issue.status = transition.to;
      return send(res, 204);
    }
    return refuse(res, 404, ['Not found']);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    site: base,
    issues,
    /** Someone finishes the issue in Jira. */
    finish(key: string) {
      issues.get(key)!.status = 'Done';
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
export type FakeJira = Awaited<ReturnType<typeof startFakeJira>>;
