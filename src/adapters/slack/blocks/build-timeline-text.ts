import type { TimelineEntry } from '#domain/timeline-entry.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

/** The timeline as `/incident timeline` shows it, to the person only. */
export function buildTimelineText(title: string, entries: TimelineEntry[]): string {
  if (entries.length === 0)
    return `*Timeline of ${escapeMrkdwn(title)}*\nNothing yet. React to a message with the timeline emoji, or use \`/incident note\`.`;
  const lines = entries.map((e) => {
    const time = e.at.slice(0, 16).replace('T', ' ');
    const who = e.authorId ? `<@${e.authorId}>: ` : '';
    const text = e.pending ? '_(fetching…)_' : escapeMrkdwn(e.text.replace(/\s+/g, ' ').slice(0, 200));
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
