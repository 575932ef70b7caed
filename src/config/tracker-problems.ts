const get = (node: unknown, key: string): unknown =>
  typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;

const GITHUB_API = 'https://api.github.com';

/** What `actions.tracker.provider` needs besides itself: where issues go, and (to start the bot) the token. */
export function trackerProblems(tracker: unknown, secrets: unknown, forBot: boolean): string[] {
  const provider = get(tracker, 'provider');
  if (provider !== 'github' && provider !== 'jira') return [];
  const problems: string[] = [];
  const because = `(actions.tracker.provider is ${provider})`;
  if (provider === 'github' && get(tracker, 'repository') === '')
    problems.push(
      `actions.tracker.repository: expected the GitHub repository issues are opened in, as owner/name such as acme/ops ${because}`,
    );
  if (provider === 'jira' && get(tracker, 'project') === '')
    problems.push(
      `actions.tracker.project: expected the Jira project key issues are opened in, such as OPS ${because}`,
    );
  const apiUrl = get(tracker, 'apiUrl');
  if (provider === 'jira' && (apiUrl === GITHUB_API || apiUrl === `${GITHUB_API}/`))
    problems.push(
      `actions.tracker.apiUrl: expected your Jira site, such as https://acme.atlassian.net (or ACTIONS_TRACKER_API_URL) ${because}`,
    );
  const token = get(secrets, 'actionsTrackerToken');
  if (forBot && (typeof token !== 'string' || token === ''))
    problems.push(
      provider === 'github'
        ? `ACTIONS_TRACKER_TOKEN is not set: set it to a fine-grained GitHub token with "Issues: read and write" on actions.tracker.repository ${because}`
        : `ACTIONS_TRACKER_TOKEN is not set: set it to a Jira Cloud API token (and ACTIONS_TRACKER_USER to its account's email), or a Data Center personal access token ${because}`,
    );
  return problems;
}
