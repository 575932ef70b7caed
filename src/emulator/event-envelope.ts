import type { Workspace } from './workspace.ts';

/**
 * The `event_callback` wrapper Slack puts around every Events API event
 * (https://docs.slack.dev/apis/events-api/#callback-field, the fields @slack/bolt reads from it).
 */
export function eventEnvelope(
  workspace: Workspace,
  event: Record<string, unknown>,
  eventId: string,
  counter: number,
): Record<string, unknown> {
  return {
    token: 'verification-token-unused',
    team_id: workspace.teamId,
    api_app_id: workspace.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: workspace.teamId,
        user_id: workspace.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${counter}`,
  };
}
