import { renderChannel } from '#domain/render-channel.ts';
import type { PostRefusal } from '#src/ports.ts';

/** Slack's `chat.postMessage` errors, in words, each with what to do (from the method's documented errors). */
const REASONS: Record<string, string> = {
  not_in_channel: 'the bot is not a member; invite it there with `/invite @Incident Scribe`',
  channel_not_found:
    'Slack knows no such channel (a private one stays hidden until the bot is invited); check the channel in `incident.announcements` and `incident.announcementsChannel`',
  is_archived: 'the channel is archived; unarchive it, or name another one in the config',
  restricted_action_read_only_channel: 'only admins may post there; ask one, or name another channel in the config',
  ekm_access_denied: 'your admins have turned off sending messages there; ask a workspace admin',
  slack_unreachable: 'Slack did not answer; post it there by hand if it matters',
};

/**
 * One line per channel Slack refused, with why and what to do:
 * "Not posted in #announce: the bot is not a member; invite it there with `/invite @Incident Scribe`."
 */
export function describeNotPosted(refused: PostRefusal[]): string | null {
  if (refused.length === 0) return null;
  return refused
    .map(
      (r) =>
        `Not posted in ${renderChannel(r.channel)}: ${REASONS[r.reason] ?? `Slack said \`${r.reason}\`; check the channel in the config`}.`,
    )
    .join('\n');
}
