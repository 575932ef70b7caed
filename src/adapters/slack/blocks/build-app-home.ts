import type { Incident } from '#domain/incident.ts';
import { describeDue } from '#domain/reminder-policy.ts';
import { header, LIMITS, section } from './block-kit.ts';
import { clampText } from './clamp-text.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { renderOpenIncidentLine } from './open-incident-line.ts';

export interface HomeItem {
  action: string;
  title: string;
  due: string | null;
}

/**
 * The App Home tab: the person's open action items, soonest first, then the open incidents. It holds
 * 100 blocks: the items get up to 60 sections, the incidents up to 36, and what is left is counted.
 */
export function buildAppHome(items: HomeItem[], incidents: Incident[], today: string): Record<string, unknown> {
  const itemLines = [...items]
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))
    .map(
      (i) =>
        `• *${clampText(escapeMrkdwn(i.action), 200)}* · ${clampText(escapeMrkdwn(i.title), 120)} · ${i.due ? describeDue(i.due, today) : 'no due date'}`,
    );
  const incidentLines = incidents.map(renderOpenIncidentLine);
  return {
    type: 'home',
    blocks: [
      header('Your open action items'),
      ...sections(itemLines, 60, 'Nothing open for you. 🎉', 'the rest are in the RCA repository'),
      { type: 'divider' },
      header('Open incidents'),
      ...sections(incidentLines, 36, 'No open incidents.', '`/incident list` shows them all'),
    ],
  };
}

/** Lines packed into sections of at most 3,000 characters, at most `max` of them. */
function sections(lines: string[], max: number, empty: string, elsewhere: string): unknown[] {
  if (lines.length === 0) return [section(empty)];
  const chunks: string[][] = [[]];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > LIMITS.section - 100 && chunks[chunks.length - 1]!.length > 0) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1]!.push(line);
    size += line.length + 1;
  }
  const kept = chunks.slice(0, max);
  const left = chunks.slice(max).reduce((n, c) => n + c.length, 0);
  if (left > 0) kept[kept.length - 1]!.push(`…and ${left} more (${elsewhere})`);
  return kept.map((chunk) => section(chunk.join('\n')));
}
