import { parseRca } from './parse-rca.ts';

/** The durations the review shows, in minutes (the domain's `IncidentMetrics` fits it). */
export interface ReviewMetrics {
  toDetect: number | null;
  toAcknowledge: number | null;
  toMitigate: number | null;
  toResolve: number | null;
  /** Minutes from start to the first resolution, when the incident was reopened since. */
  toFirstResolve: number | null;
}

const TO_FILL_IN = /_To fill in:/;

/**
 * The review's title and body from the RCA as committed (people's edits included): the title, the
 * summary, the metrics, the action items, and a checklist of the sections still marked "to fill in".
 */
export function buildReviewBody(
  source: string,
  metrics: ReviewMetrics,
  links: { file: string | null },
): { title: string; body: string } {
  const parsed = parseRca(source);
  const title = typeof parsed.frontMatter['title'] === 'string' ? parsed.frontMatter['title'] : (parsed.title ?? '');
  const sections = sectionTexts(source);
  const summary = sections.find((s) => s.heading === 'Summary')?.text.trim() ?? '';
  const pending = sections.filter((s) => TO_FILL_IN.test(s.text)).map((s) => s.heading);
  const lines = ['## Summary', '', summary === '' || TO_FILL_IN.test(summary) ? '_No summary yet._' : summary, ''];
  lines.push('## Metrics', '');
  lines.push(`- Time to detect: ${minutes(metrics.toDetect)}`);
  lines.push(`- Time to acknowledge: ${minutes(metrics.toAcknowledge)}`);
  lines.push(`- Time to mitigate: ${minutes(metrics.toMitigate)}`);
  lines.push(`- Time to resolve: ${minutes(metrics.toResolve)}`);
  if (metrics.toFirstResolve !== null)
    lines.push(`- First resolved after: ${minutes(metrics.toFirstResolve)}, then reopened`);
  lines.push('');
  lines.push('## Action items', '');
  if (parsed.actionItems.length === 0) lines.push('_None yet._');
  for (const item of parsed.actionItems) {
    const who = [item.owner, item.due ? `due ${item.due}` : null].filter(Boolean).join(', ');
    lines.push(
      `- [${item.done ? 'x' : ' '}] ${item.priority ? `**${item.priority}** ` : ''}${item.action}${who ? ` (${who})` : ''}`,
    );
  }
  lines.push('', '## Still to fill in', '');
  if (pending.length === 0) lines.push('Every section has been written.');
  for (const heading of pending) lines.push(`- [ ] ${heading}`);
  if (links.file) lines.push('', `The RCA: ${links.file}`);
  lines.push('', '_Opened by Incident Scribe; it updates this description on every redraft._');
  return { title, body: lines.join('\n') };
}

function minutes(value: number | null): string {
  return value === null ? 'n/a' : `${value} min`;
}

/** Each `##`/`###` heading with the text under it up to the next heading, outside front matter and code. */
function sectionTexts(source: string): { heading: string; text: string }[] {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const out: { heading: string; text: string }[] = [];
  let fence = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? null : /^#{2,3}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) out.push({ heading: heading[1]!, text: '' });
    else if (out.length > 0) out[out.length - 1]!.text += `${line}\n`;
  }
  return out;
}
