const get = (node: unknown, key: string): unknown =>
  typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;

const TOKEN_FOR = {
  github: 'a fine-grained GitHub token with "Issues: read and write" on actions.tracker.repository',
  jira: "a Jira Cloud API token (and ACTIONS_TRACKER_USER to its account's email), or a Data Center personal access token",
  linear: 'a Linear personal API key (Settings → Security & access)',
} as const;

/** What `actions.tracker.provider` needs besides itself: where issues go, and (to start the bot) the token. */
export function trackerProblems(tracker: unknown, secrets: unknown, forBot: boolean): string[] {
  const provider = get(tracker, 'provider');
  if (provider !== 'github' && provider !== 'jira' && provider !== 'linear') return [];
  const problems: string[] = [];
  const because = `(actions.tracker.provider is ${provider})`;
  if (provider === 'github' && get(tracker, 'repository') === '')
    problems.push(
      `actions.tracker.repository: expected the GitHub repository issues are opened in, as owner/name such as acme/ops ${because}`,
    );
  if (provider !== 'github' && get(tracker, 'project') === '')
    problems.push(
      `actions.tracker.project: expected the ${provider === 'jira' ? 'Jira project' : 'Linear team'} key issues are opened in, such as OPS ${because}`,
    );
  if (provider === 'jira' && get(tracker, 'apiUrl') === '')
    problems.push(
      `actions.tracker.apiUrl: expected your Jira site, such as https://acme.atlassian.net (or ACTIONS_TRACKER_API_URL) ${because}`,
    );
  const token = get(secrets, 'actionsTrackerToken');
  if (forBot && (typeof token !== 'string' || token === ''))
    problems.push(`ACTIONS_TRACKER_TOKEN is not set: set it to ${TOKEN_FOR[provider]} ${because}`);
  return problems;
}
