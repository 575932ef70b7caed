import { type CallContext, SlackApiError, str } from './method-context.ts';
import type { Channel } from './workspace.ts';

/** One person conversations.invite could not add, as Slack lists them in `errors`. */
export interface InviteFailure {
  user: string;
  ok: false;
  error: string;
}

/**
 * conversations.invite as Slack documents it (src/emulator/api-ref/docs.slack.dev/methods/conversations.invite.json):
 * `users` is "A comma separated list of user IDs. Up to 100 users may be listed."; each person who cannot be
 * invited is listed in `errors` as `{ user, ok: false, error }` (the reference's error example), and `error` is
 * the first of them. Without `force` nobody is invited when one fails; with `force: true` Slack goes on "inviting
 * the valid ones while disregarding invalid IDs" and answers the channel beside the same `errors` (the method's
 * output holds both `channel` and `errors`); when every id fails there is nothing to go on with, and the call
 * fails as without `force`.
 */
export function inviteUsers(ctx: CallContext, channel: Channel, args: Record<string, unknown>): InviteFailure[] {
  const users = str(args['users'])
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (users.length === 0) throw new SlackApiError('no_user');
  if (users.length > 100) {
    // The reference documents no error of its own for this; Slack's platform check answers like its other
    // list limits ("[ERROR] no more than 100 items allowed [json-pointer:/channel_ids]", the example answer in
    // api-ref/…/admin.conversations.bulkArchive.json).
    throw new SlackApiError('invalid_arguments', {
      response_metadata: { messages: ['[ERROR] no more than 100 items allowed [json-pointer:/users]'] },
    });
  }
  // is_archived: "Channel has been archived." (same reference)
  if (channel.isArchived) throw new SlackApiError('is_archived');
  const failures: InviteFailure[] = [];
  const valid: string[] = [];
  for (const user of new Set(users)) {
    const error = inviteError(ctx, channel, user);
    if (error) failures.push({ user, ok: false, error });
    else valid.push(user);
  }
  const force = args['force'] === true || args['force'] === 'true' || args['force'] === '1';
  if (failures.length > 0 && (!force || valid.length === 0)) {
    throw new SlackApiError(failures[0]!.error, { errors: failures });
  }
  for (const user of valid) channel.members.add(user);
  return failures;
}

/** Why one person cannot be invited, in the reference's words for each error; null when they can be. */
function inviteError(ctx: CallContext, channel: Channel, userId: string): string | null {
  // cant_invite_self: "Authenticated user cannot invite themselves to a channel."
  if (userId === ctx.actor) return 'cant_invite_self';
  const user = ctx.workspace.users.get(userId);
  // user_not_found: "Value passed for `users` was invalid."
  if (!user) return 'user_not_found';
  // A test names the error Slack would give this person (no_permission, cant_invite, …).
  if (user.inviteError) return user.inviteError;
  // already_in_channel: "Invited user is already in the channel."
  if (channel.members.has(userId)) return 'already_in_channel';
  // Slack documents no error of its own for a deactivated account; cant_invite ("User cannot be invited to this
  // channel.") is the documented one that says it.
  if (user.deleted) return 'cant_invite';
  // user_is_restricted: "An invited user is a guest user that is restricted from accessing this conversation."
  if (user.guest === 'multi') return 'user_is_restricted';
  // ura_max_channels: "An invited user is a single-channel guest user ('ultra restricted access') that is already
  // in the maximum number of conversations."
  if (user.guest === 'single') {
    const inOne = [...ctx.workspace.channels.values()].some((c) => !c.isIm && c.members.has(userId));
    if (inOne) return 'ura_max_channels';
  }
  return null;
}
