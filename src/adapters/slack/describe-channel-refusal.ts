/**
 * `conversations.create` errors in words, each saying what Slack refused and what to do (from the
 * method's documented errors, api-ref conversations.create.json). Name errors are not here: the
 * declare tries other names for those.
 */
const REASONS: Record<string, string> = {
  // "A team (workspace) preference prevents the authenticated user from creating channels."
  restricted_action:
    "a workspace setting keeps the app from creating channels. Ask a workspace admin to let Incident Scribe create channels (the workspace's channel-management settings), then try again.",
  // "The calling token is not granted the necessary scopes to complete this operation."
  missing_scope:
    'the app is not allowed to create channels (it needs `channels:manage`, and `groups:write` for a private one). Ask a workspace admin to reinstall the app from `manifest.yml`, then try again.',
  // "This channel is unable to be created."
  cannot_create_channel: 'Slack would not create this channel. Try again with a different title.',
};

/** Why Slack created no channel, worded for the person who declared; Slack's code is named too. */
export function describeChannelRefusal(code: string): string {
  const reason =
    REASONS[code] ?? 'Slack refused to create the channel. Try again; if it keeps refusing, tell whoever runs the bot.';
  return `${reason} (Slack said \`${code}\`.)`;
}
