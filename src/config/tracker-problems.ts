const get = (node: unknown, key: string): unknown =>
  typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;

/** What `actions.tracker.provider` needs besides itself: the repository, and (to start the bot) the token. */
export function trackerProblems(tracker: unknown, secrets: unknown, forBot: boolean): string[] {
  const provider = get(tracker, 'provider');
  if (provider !== 'github') return [];
  const problems: string[] = [];
  if (get(tracker, 'repository') === '')
    problems.push(
      'actions.tracker.repository: expected the GitHub repository issues are opened in, as owner/name such as acme/ops (actions.tracker.provider is github)',
    );
  const token = get(secrets, 'actionsTrackerToken');
  if (forBot && (typeof token !== 'string' || token === ''))
    problems.push(
      'ACTIONS_TRACKER_TOKEN is not set: set it to a fine-grained GitHub token with "Issues: read and write" on actions.tracker.repository (actions.tracker.provider is github)',
    );
  return problems;
}
