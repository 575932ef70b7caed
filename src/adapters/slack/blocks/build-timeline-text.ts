import { plainSlackText } from '#domain/plain-slack-text.ts';
import { replaceUserMentions } from '#domain/slack-mention.ts';
import type { TimelineEntry } from '#domain/timeline-entry.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

/** The timeline as `/incident timeline` shows it, to the person only. */
export function buildTimelineText(title: string, entries: TimelineEntry[]): string {
  if (entries.length === 0)
    return `*Timeline of ${escapeMrkdwn(title)}*\nNothing yet. React to a message with the timeline emoji, or use \`/incident note\`.`;
  const lines = entries.map((e) => {
    const time = e.at.slice(0, 16).replace('T', ' ');
    const who = e.authorId ? `<@${e.authorId}>: ` : '';
    const text = e.pending ? '_(fetching…)_' : shortText(e.text);
    const link = e.permalink ? ` <${e.permalink}|↗>` : '';
    return `• \`${time}\` ${who}${text}${link}`;
  });
  const header = `*Timeline of ${escapeMrkdwn(title)}* (UTC)`;
  let out = header;
  for (const line of lines) {
    if (out.length + line.length + 30 > 2900) {
      out += `\n…and ${lines.length - lines.indexOf(line)} more`;
      break;
    }
    out += `\n${line}`;
  }
  return out;
}

/**
 * An entry's text in one line of at most 200 characters, as the message read in Slack: its markup
 * read as `plainSlackText` does (a message's `&amp;` shown once, not as `&amp;amp;`) and escaped again,
 * but for the people it mentions, who stay mentions.
 */
function shortText(text: string): string {
  const people: string[] = [];
  const marked = replaceUserMentions(text, (id) => `\u0000${people.push(id) - 1}\u0000`);
  const line = plainSlackText(marked).replace(/\s+/g, ' ').slice(0, 200);
  return escapeMrkdwn(line)
    .replace(/\u0000(\d+)\u0000/g, (_whole, i: string) => `<@${people[Number(i)]}>`)
    .replace(/\u0000\d*/g, '');
}
