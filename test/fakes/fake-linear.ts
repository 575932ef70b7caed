import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeLinearIssue {
  id: string;
  identifier: string;
  title: string;
  description: string;
  stateId: string;
  labelIds: string[];
}

/**
 * A local Linear GraphQL API (one endpoint, `POST /graphql`) for the operations @linear/sdk sends for
 * the tracker, following Linear's published schema (github.com/linear/linear, packages/sdk/src/schema.graphql)
 * and its API docs (developers.linear.app, "Working with the GraphQL API" and "Errors"):
 * - a personal API key goes in `Authorization` as is (an OAuth token as `Bearer …`); a wrong one is
 *   HTTP 400 with `errors[0].extensions.type` "authentication error".
 * - `teams(filter: {key: {eq}})`, `workflowStates(filter: {team: {id: {eq}}, type: {eq}})`: connections
 *   with `nodes` and `pageInfo`; workflow state types are triage | backlog | unstarted | started |
 *   completed | canceled.
 * - `issueCreate(input: {teamId, title, description})` / `issueUpdate(id, input: {stateId})`: payloads
 *   `{success, lastSyncId, issue {id}}`; an unknown team is an "invalid input" error.
 * - `issue(id)` takes the id or the identifier (`ENG-4`); an unknown one is an "Entity not found" error.
 * - Labels: `issueCreate` takes them by id only (`IssueCreateInput.labelIds`), and an id of no label is
 *   an "invalid input" error. `issueLabels(filter, first, after)` lists the workspace's labels and every
 *   team's (a workspace label has `team: null`), filtered by `IssueLabelFilter` (`or`, `name` with the
 *   `StringComparator`'s `eq`/`eqIgnoreCase`, `isGroup`), paged Relay-style: `pageInfo.endCursor` is the
 *   `after` of the next page while `hasNextPage`. A label group (`isGroup`) cannot be put on an issue.
 */
interface NameFilter {
  eq?: string;
  eqIgnoreCase?: string;
}
interface LabelFilter {
  name?: NameFilter;
  isGroup?: { eq?: boolean };
  or?: LabelFilter[];
}
interface Variables {
  id?: string;
  first?: number;
  after?: string;
  filter?: { key?: { eq?: string }; type?: { eq?: string } } & LabelFilter;
  input?: { teamId?: string; title?: string; description?: string; stateId?: string; labelIds?: string[] };
}

export interface FakeLinearLabel {
  id: string;
  name: string;
  /** null: a workspace label. */
  teamId: string | null;
  isGroup?: boolean;
}

const matchesLabel = (label: FakeLinearLabel, filter: LabelFilter | undefined): boolean => {
  if (!filter) return true;
  const name = filter.name;
  if (name?.eq !== undefined && label.name !== name.eq) return false;
  if (name?.eqIgnoreCase !== undefined && label.name.toLowerCase() !== name.eqIgnoreCase.toLowerCase()) return false;
  if (filter.isGroup?.eq !== undefined && (label.isGroup ?? false) !== filter.isGroup.eq) return false;
  return filter.or === undefined || filter.or.some((f) => matchesLabel(label, f));
};

export async function startFakeLinear(options: {
  apiKey: string;
  teamKey: string;
  labels?: FakeLinearLabel[];
  /** At most this many nodes a page, whatever `first` asks (Linear's own cap is 250). */
  pageSize?: number;
}) {
  const labels = options.labels ?? [];
  const labelQueries: Variables[] = [];
  const team = { id: 'team-1', key: options.teamKey, name: 'Engineering' };
  const states = [
    { id: 'state-todo', name: 'Todo', type: 'unstarted' },
    { id: 'state-done', name: 'Done', type: 'completed' },
  ];
  const issues = new Map<string, FakeLinearIssue>();
  const find = (id: string | undefined) => [...issues.values()].find((i) => i.id === id || i.identifier === id);
  const view = (i: FakeLinearIssue) => ({
    __typename: 'Issue',
    id: i.id,
    identifier: i.identifier,
    title: i.title,
    description: i.description,
    url: `https://linear.app/acme/issue/${i.identifier}`,
    state: { id: i.stateId },
    team: { id: team.id },
    // Non-null in the schema, so the SDK's Issue model reads it unconditionally.
    reactions: [],
    labelIds: i.labelIds,
    previousIdentifiers: [],
    sharedAccess: {
      isShared: false,
      sharedWithCount: 0,
      viewerHasOnlySharedAccess: false,
      disallowedIssueFields: [],
      sharedWithUsers: [],
    },
    createdAt: '2030-04-07T10:00:00.000Z',
    updatedAt: '2030-04-07T10:00:00.000Z',
  });
  const connection = (nodes: unknown[], endCursor: string | null = null, hasNextPage = false) => ({
    nodes,
    pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: null, endCursor },
  });
  const error = (message: string, type: string) => ({
    errors: [{ message, extensions: { type, userPresentableMessage: message } }],
    data: null,
  });

  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
    });
    req.on('end', () => {
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== '/graphql')
        return send(404, { error: 'Not found' });
      if (req.headers.authorization !== options.apiKey)
        return send(400, error('Authentication required, not authenticated', 'authentication error'));
      const { query, variables = {} } = JSON.parse(text) as { query: string; variables?: Variables };
      const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
      switch (operation) {
        case 'teams': {
          const key = variables['filter']?.key?.eq;
          return send(200, { data: { teams: connection(key === team.key || key === undefined ? [team] : []) } });
        }
        case 'workflowStates': {
          const type = variables['filter']?.type?.eq;
          return send(200, {
            data: { workflowStates: connection(states.filter((s) => type === undefined || s.type === type)) },
          });
        }
        case 'workflowState': {
          const state = states.find((s) => s.id === variables['id']);
          return send(
            200,
            state ? { data: { workflowState: state } } : error('Entity not found: WorkflowState', 'invalid input'),
          );
        }
        case 'issueLabels': {
          labelQueries.push(variables);
          const all = labels.filter((l) => matchesLabel(l, variables.filter));
          const from = variables.after ? all.findIndex((l) => l.id === variables.after) + 1 : 0;
          const size = Math.min(variables.first ?? 50, options.pageSize ?? 250);
          const page = all.slice(from, from + size);
          const nodes = page.map((l) => ({
            __typename: 'IssueLabel',
            id: l.id,
            name: l.name,
            color: '#bec2c8',
            isGroup: l.isGroup ?? false,
            team: l.teamId ? { id: l.teamId } : null,
            createdAt: '2030-01-01T00:00:00.000Z',
            updatedAt: '2030-01-01T00:00:00.000Z',
          }));
          return send(200, {
            data: { issueLabels: connection(nodes, page.at(-1)?.id ?? null, from + size < all.length) },
          });
        }
        case 'createIssue': {
          const input = variables['input'] ?? {};
          if (input.teamId !== team.id) return send(200, error('Entity not found: Team', 'invalid input'));
          const unknown = (input.labelIds ?? []).find((id) => !labels.some((l) => l.id === id && !l.isGroup));
          if (unknown) return send(200, error(`Entity not found: IssueLabel ${unknown}`, 'invalid input'));
          if (!input.title)
            return send(200, error('Argument Validation Error: title should not be empty', 'invalid input'));
          const issue: FakeLinearIssue = {
            id: `issue-${issues.size + 1}`,
            identifier: `${team.key}-${issues.size + 1}`,
            title: input.title,
            description: input.description ?? '',
            stateId: 'state-todo',
            labelIds: input.labelIds ?? [],
          };
          issues.set(issue.id, issue);
          return send(200, {
            data: {
              issueCreate: {
                __typename: 'IssuePayload',
                success: true,
                lastSyncId: issues.size,
                issue: { id: issue.id },
              },
            },
          });
        }
        case 'issue': {
          const issue = find(variables['id']);
          return send(
            200,
            issue ? { data: { issue: view(issue) } } : error('Entity not found: Issue', 'invalid input'),
          );
        }
        case 'updateIssue': {
          const issue = find(variables['id']);
          if (!issue) return send(200, error('Entity not found: Issue', 'invalid input'));
          if (variables.input?.stateId) issue.stateId = variables.input.stateId;
          return send(200, {
            data: {
              issueUpdate: { __typename: 'IssuePayload', success: true, lastSyncId: 99, issue: { id: issue.id } },
            },
          });
        }
        default:
          return send(400, error(`Unknown operation ${operation}`, 'graphql error'));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    issues,
    /** The variables of every `issueLabels` query, in order. */
    labelQueries,
    byIdentifier: (identifier: string) => [...issues.values()].find((i) => i.identifier === identifier),
    /** Someone completes the issue in Linear. */
    complete(identifier: string) {
      find(identifier)!.stateId = 'state-done';
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
export type FakeLinear = Awaited<ReturnType<typeof startFakeLinear>>;
