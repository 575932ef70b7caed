import { findActionItemColumns } from './action-item-columns.ts';
import { findTable } from './find-table.ts';
import { markListItemDone } from './mark-list-item-done.ts';
import { parseRca, type RcaReadOptions } from './parse-rca.ts';
import { splitTableRow } from './split-table-row.ts';

export type MarkDoneResult = { ok: true; text: string; line: number } | { ok: false; reason: string };

const LIST_LINE = /^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Marks one action item done, the first that `matches` (given its action, its place among the file's
 * action items and all their actions, in file order), changing that row and nothing else: its Status cell says Done when the
 * table has one, else the action is struck through (`~~…~~`); a task-list item gets its box ticked,
 * and a plain list item a done mark as the file's other done items have it (✅ by default).
 */
export function markActionItemDone(
  source: string,
  matches: (action: string, index: number, actions: readonly string[]) => boolean,
  options: RcaReadOptions = {},
): MarkDoneResult {
  const crlf = source.includes('\r\n');
  const lines = source.split(/\r?\n/);
  const parsed = parseRca(source, options);
  const actions = parsed.actionItems.map((i) => i.action);
  const item = parsed.actionItems.find((i, index) => matches(i.action, index, actions));
  if (!item)
    return { ok: false, reason: 'That action item is no longer in the file (someone may have changed or removed it).' };
  if (item.done) return { ok: false, reason: 'That action item is already marked done.' };
  const index = item.line - 1;
  const line = lines[index]!;
  const task = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+\[) (\]\s+)/.exec(line);
  const eol = crlf ? '\r\n' : '\n';
  if (!task && LIST_LINE.test(line)) {
    const marked = markListItemDone(lines, item, parsed.actionItems, (text) => {
      const again = parseRca(text, options).actionItems.find((i) => i.line === item.line);
      return again?.done === true && again.action === item.action;
    });
    if (marked === null) return { ok: false, reason: 'I could not find where to mark that item done.' };
    return { ok: true, text: marked.join(eol), line: item.line };
  }
  const updated = task ? `${task[1]}x${line.slice(task[1]!.length + 1)}` : markTableRow(lines, index);
  if (updated === null) return { ok: false, reason: 'I could not find where to mark that row done.' };
  lines[index] = updated;
  return { ok: true, text: lines.join(eol), line: item.line };
}

function markTableRow(lines: string[], index: number): string | null {
  const table = findTable(lines, index);
  const columns = table === null ? null : findActionItemColumns(splitTableRow(lines[table.start]!));
  if (!columns) return null;
  const cells = cellSpans(lines[index]!);
  const target = columns.status ?? columns.action;
  const span = cells[target];
  if (!span) return null;
  const line = lines[index]!;
  const raw = line.slice(span.start, span.end);
  const content = raw.trim();
  const lead = raw.slice(0, raw.length - raw.trimStart().length);
  const trail = raw.slice(raw.trimEnd().length);
  const replacement = columns.status !== null ? 'Done' : `~~${content}~~`;
  return `${line.slice(0, span.start)}${lead || ' '}${replacement}${trail || ' '}${line.slice(span.end)}`;
}

/** Where each cell's text sits in a row (between unescaped pipes), so one cell changes in place. */
function cellSpans(line: string): { start: number; end: number }[] {
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '\\') i += 1;
    else if (line[i] === '|') pipes.push(i);
  }
  const trimmedStart = line.length - line.trimStart().length;
  const leading = pipes[0] === trimmedStart;
  const trailing = pipes.at(-1) === line.trimEnd().length - 1;
  const bounds = [
    leading ? pipes[0]! : -1,
    ...pipes.slice(leading ? 1 : 0, trailing ? -1 : undefined),
    trailing ? pipes.at(-1)! : line.length,
  ];
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) spans.push({ start: bounds[i]! + 1, end: bounds[i + 1]! });
  return spans;
}
