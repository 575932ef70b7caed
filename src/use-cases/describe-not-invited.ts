import type { InviteRefusal } from '#src/ports.ts';

/** Slack's `conversations.invite` errors, in words (from the method's documented errors). */
const REASONS: Record<string, string> = {
  user_is_restricted: 'is a guest and cannot be invited',
  ura_max_channels: 'is a single-channel guest who is already in as many channels as allowed',
  user_not_found: 'is not a user in this workspace',
  cant_invite: 'cannot be invited to this channel',
  no_permission: 'cannot be invited by the bot (no permission)',
  no_external_invite_permission: 'is external and the bot may not invite external people',
  org_user_not_in_team: 'belongs to the organization but not to this workspace',
  invitee_cant_see_channel: 'cannot see this channel from their workspace',
  not_in_channel: 'could not be invited because the bot is not in the channel',
  is_archived: 'could not be invited because the channel is archived',
  slack_unreachable: 'could not be invited because Slack did not answer',
};

/**
 * One line naming everyone Slack refused, each with the reason in words:
 * "I could not invite <@U1>, who is a guest and cannot be invited; …. Add them by hand if they should be there."
 */
export function describeNotInvited(refused: InviteRefusal[]): string | null {
  if (refused.length === 0) return null;
  const each = refused.map(
    (r) => `<@${r.userId}> ${REASONS[r.reason] ?? `could not be invited (Slack said \`${r.reason}\`)`}`,
  );
  return `Not invited: ${each.join('; ')}. Ask a workspace admin, or invite them by hand if they should be there.`;
}
