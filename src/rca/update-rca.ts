import YAML from 'yaml';
import { findActionItemColumns, findTimelineColumns } from './action-item-columns.ts';
import { plainCellText } from './cell-text.ts';
import { blankFrontMatter } from './front-matter.ts';
import type { RcaDraft } from './rca-draft.ts';
import { draftFrontMatter, METRIC_FIELD_NAMES } from './rca-draft.ts';
import { renderRca } from './render-rca.ts';
import { createSectionTracker } from './section-tracker.ts';
import { readTimelineCell } from './read-timeline-row.ts';
import { splitTableRow } from './split-table-row.ts';
import { walkMarkdownLines } from './walk-markdown-lines.ts';

export type UpdateResult = { ok: true; text: string; kept: string[] } | { ok: false; reason: string };

/** Front-matter fields the bot computes and so may refresh; everything else is the people's. */
const OWNED_FIELDS = ['severity', 'status', 'duration_minutes', ...METRIC_FIELD_NAMES, 'services', 'tags'] as const;
/** The fields measured from the incident's times. */
const MEASURED = new Set<string>(['duration_minutes', ...METRIC_FIELD_NAMES]);

/**
 * Refreshes an RCA that people may have edited: only the computed front-matter fields and the rows of
 * the Timeline and Action Items tables change. Rows people wrote or edited stay as they are; rows the
 * bot knows of and the file lacks are added. Anything it cannot place, it says so instead of guessing.
 */
export function updateRca(
  existing: string,
  draft: RcaDraft,
  template: string,
  previous: string | null = null,
): UpdateResult {
  const text = existing.replace(/\r\n?/g, '\n');
  const fresh = renderRca(draft, template).split('\n');
  const before = previous?.replace(/\r\n?/g, '\n').split('\n') ?? [];
  let lines = text.split('\n');
  const kept: string[] = [];

  const front = updateFrontMatter(lines, draft);
  if (!front.ok) return front;
  lines = front.lines;

  for (const kind of ['timeline', 'actions'] as const) {
    const target = findTable(lines, kind);
    const source = findTable(fresh, kind);
    if (!target || !source) {
      return {
        ok: false,
        reason: `I could not find the ${kind === 'timeline' ? 'Timeline' : 'Action Items'} table in the file, so I left the file as it is.`,
      };
    }
    const existingRows = lines.slice(target.start + 2, target.end);
    // Rows the bot wrote before and people have since reworded or removed are not brought back.
    const written = findTable(before, kind);
    const known = new Set([
      ...existingRows.map((row) => rowKey(row, kind, target.header)),
      ...(written ? before.slice(written.start + 2, written.end).map((row) => rowKey(row, kind, written.header)) : []),
    ]);
    const added = fresh
      .slice(source.start + 2, source.end)
      .filter((row) => !known.has(rowKey(row, kind, source.header)));
    const rows =
      kind === 'timeline' ? sortByTime([...existingRows, ...added], target.header) : [...existingRows, ...added];
    if (added.length < fresh.slice(source.start + 2, source.end).length) kept.push(kind);
    lines = [...lines.slice(0, target.start + 2), ...rows, ...lines.slice(target.end)];
  }
  return { ok: true, text: lines.join('\n'), kept };
}

function updateFrontMatter(
  lines: string[],
  draft: RcaDraft,
): { ok: true; lines: string[] } | { ok: false; reason: string } {
  if (lines[0] !== '---') return { ok: false, reason: 'The file has no front matter, so I left it as it is.' };
  const end = lines.indexOf('---', 1);
  if (end === -1) return { ok: false, reason: 'The front matter is not closed with ---, so I left the file as it is.' };
  const doc = YAML.parseDocument(lines.slice(1, end).join('\n'), { schema: 'core' });
  if (doc.errors.length > 0)
    return {
      ok: false,
      reason: `The front matter is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}), so I left the file as it is.`,
    };
  const values = draftFrontMatter(draft);
  for (const field of OWNED_FIELDS) {
    // A time the incident no longer has (reopened: not resolved now) leaves the file with it.
    if (values[field] === undefined && draft.metrics && MEASURED.has(field)) doc.delete(field);
    if (values[field] === undefined) continue;
    if (field === 'tags' || field === 'services') {
      const current = doc.get(field);
      const merged = [
        ...new Set([...(YAML.isSeq(current) ? (current.toJSON() as string[]) : []), ...(values[field] as string[])]),
      ];
      const node = doc.createNode(merged);
      node.flow = true;
      doc.set(field, node);
    } else {
      doc.set(field, values[field]);
    }
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  return { ok: true, lines: ['---', ...yaml.split('\n'), ...lines.slice(end)] };
}

interface TableAt {
  start: number;
  end: number;
  header: string[];
}

/** The first top-level table under the Timeline (or Action Items) heading, as the markdown line walker finds it. */
function findTable(lines: string[], kind: 'timeline' | 'actions'): TableAt | null {
  const tracker = createSectionTracker();
  let found: TableAt | null = null;
  walkMarkdownLines(blankFrontMatter(lines), {
    heading: (depth, text, label) => tracker.enter(depth, text, label),
    table(start, end, container) {
      if (found !== null || container !== 0 || tracker.kind() !== kind) return;
      const header = splitTableRow(lines[start]!);
      const fits = kind === 'timeline' ? findTimelineColumns(header) : findActionItemColumns(header);
      if (fits) found = { start, end, header };
    },
    wantsItems: () => false,
    listItem: () => {},
  });
  return found;
}

/** What identifies a row across edits: a timeline row by its Slack link (or time and text), an action by its text. */
function rowKey(row: string, kind: 'timeline' | 'actions', header: string[]): string {
  const cells = splitTableRow(row);
  if (kind === 'timeline') {
    const columns = findTimelineColumns(header)!;
    const parsed = readTimelineCell(cells[columns.time] ?? '', cells[columns.event] ?? '');
    return parsed?.link ?? `${parsed?.time}|${parsed?.event}`;
  }
  const columns = findActionItemColumns(header)!;
  return plainCellText(cells[columns.action] ?? '')
    .replace(/^~~|~~$/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function sortByTime(rows: string[], header: string[]): string[] {
  const column = findTimelineColumns(header)!.time;
  let day = '';
  const keyed = rows.map((row, index) => {
    const time = plainCellText(splitTableRow(row)[column] ?? '');
    const dated = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})/.exec(time);
    if (dated) day = dated[1]!;
    const clock = dated ? dated[2]! : time;
    return { row, index, key: `${day} ${clock.padStart(5, '0')}` };
  });
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index)).map((k) => k.row);
}
