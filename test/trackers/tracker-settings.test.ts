import { expect, it } from 'vitest';
import { loadSettings } from '#config/load-settings.ts';

const errorsFor = (tracker: Record<string, unknown>, env: Record<string, string> = {}) => {
  const result = loadSettings({
    env: { SLACK_BOT_TOKEN: 'xoxb-1-2-abcdef', SLACK_APP_TOKEN: 'xapp-1-2-abcdef', ...env },
    overrides: { actions: { tracker } },
    forBot: true,
  });
  return result.ok ? [] : result.errors;
};

it('lists what each tracker needs: the repository, project or site, and the token', () => {
  expect(errorsFor({ provider: 'github' })).toEqual([
    'actions.tracker.repository: expected the GitHub repository issues are opened in, as owner/name such as acme/ops (actions.tracker.provider is github)',
    'ACTIONS_TRACKER_TOKEN is not set: set it to a fine-grained GitHub token with "Issues: read and write" on actions.tracker.repository (actions.tracker.provider is github)',
  ]);
  expect(errorsFor({ provider: 'jira', project: 'OPS' }, { ACTIONS_TRACKER_TOKEN: 'jira-token-0123' })).toEqual([
    'actions.tracker.apiUrl: expected your Jira site, such as https://acme.atlassian.net (or ACTIONS_TRACKER_API_URL) (actions.tracker.provider is jira)',
  ]);
  expect(errorsFor({ provider: 'linear' }, { ACTIONS_TRACKER_TOKEN: 'lin_api_0123' })).toEqual([
    'actions.tracker.project: expected the Linear team key issues are opened in, such as OPS (actions.tracker.provider is linear)',
  ]);
  expect(errorsFor({ provider: 'trello' })).toEqual([
    'actions.tracker.provider: expected none, github, jira or linear, found "trello"',
  ]);
  expect(errorsFor({ provider: 'none' })).toEqual([]);
});
