import { type ActionItemCollector, createActionItemCollector } from './action-item-collector.ts';
import { findActionItemColumns, noActionColumnProblem } from './action-item-columns.ts';
import { actionItemsHeadingMatcher } from './action-item-headings.ts';
import { readFrontMatter } from './front-matter.ts';
import { mayHoldActionItems } from './may-hold-action-items.ts';
import type { RcaReadOptions } from './parse-rca.ts';
import type { ParsedActionItem, Problem } from './rca-document.ts';
import { readActionRow } from './read-action-item.ts';
import { detailFieldsAt, readListItem } from './read-list-item.ts';
import { createSectionTracker } from './section-tracker.ts';
import { splitTableRow } from './split-table-row.ts';
import { listItemText, taskItemText } from './task-item-text.ts';
import { walkMarkdownLines } from './walk-markdown-lines.ts';

export interface ScannedRca {
  frontMatter: Record<string, unknown>;
  title: string | null;
  actionItems: ParsedActionItem[];
  problems: Problem[];
}

/** Changes when the scanner reads files differently, so that results cached by an older one are read again. */
export const SCANNER_VERSION = 'headings-6';

/**
 * The reminder scan's fast path: finds the Action Items section line by line and splits its tables
 * with the same cell reader the full parser uses, without building a syntax tree. About fifty times
 * faster than `parseRca`; a differential test holds the two to the same answers.
 */
export function scanActionItems(
  source: string,
  options: RcaReadOptions & { frontMatter?: 'full' | 'title' } = {},
): ScannedRca {
  const unmarked = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const text = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  const front = options.frontMatter === 'title' ? readTitleOnly(text) : readFrontMatter(text);
  const problems: Problem[] = [...front.problems];
  const result: ScannedRca = {
    frontMatter: front.data,
    title: typeof front.data['title'] === 'string' ? front.data['title'] : null,
    actionItems: [],
    problems,
  };
  // With the title known, a file that names no action-items section anywhere has nothing left to read.
  const isActionItemsHeading = actionItemsHeadingMatcher(options.actionItemHeadings);
  if (result.title !== null && !mayHoldActionItems(front.body, isActionItemsHeading, options.actionItemHeadings))
    return result;
  const lines = front.body.split('\n');
  const tracker = createSectionTracker(options.actionItemHeadings);
  const collect = createActionItemCollector(result.actionItems, problems);
  walkMarkdownLines(lines, {
    heading(depth, heading, label) {
      if (!tracker.heads(heading, label)) return;
      collect.flush();
      tracker.enter(depth, heading, label);
      if (result.title === null && depth === 1) result.title = heading;
    },
    table(start, end, container) {
      // Only a top-level table holds action items, as in the full parse; one in a list item is skipped whole.
      if (tracker.kind() === 'actions' && container === 0) readRows(lines, start, end, collect);
    },
    wantsItems: () => tracker.kind() === 'actions',
    listItem(start, end, kind) {
      readListLines(lines.slice(start, end), kind, start + 1, collect, detailFieldsAt(lines, end));
    },
  });
  collect.flush();
  return result;
}

function readListLines(
  lines: string[],
  kind: 'task' | 'plain',
  line: number,
  collect: ActionItemCollector,
  details: string[],
): void {
  if (kind === 'task') {
    const read = taskItemText(lines);
    if (read && read.text !== '') collect.add('task', (p) => readListItem(read.text, read.checked, line, p, details));
  } else {
    const text = listItemText(lines);
    if (text !== '') collect.add('plain', (p) => readListItem(text, null, line, p, details));
  }
}

/** A table's rows as action items, or a warning when no column names the action. */
function readRows(lines: string[], start: number, end: number, collect: ActionItemCollector): void {
  const columns = findActionItemColumns(splitTableRow(lines[start]!));
  if (!columns) {
    if (end > start + 2) collect.problem(noActionColumnProblem(start + 1, end - start - 2));
    return;
  }
  for (let i = start + 2; i < end; i += 1) {
    const row = splitTableRow(lines[i]!);
    collect.add('row', (problems) => readActionRow(row, columns, i + 1, problems));
  }
}

/** Plain YAML scalars the core schema reads as something else than a string: numbers, booleans, null. */
const NOT_A_STRING =
  /^(?:[-+]?(?:\d+|\d*\.\d+|\d+\.\d*)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/**
 * The reminder scan needs the title only: read it straight off a simple `title:` line, and leave the
 * YAML parser for anything less plain.
 */
function readTitleOnly(text: string): ReturnType<typeof readFrontMatter> {
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return readFrontMatter(text);
  const yaml = match[1]!;
  const titleLine = /^title:[ \t]*(.*?)[ \t]*$/m.exec(yaml);
  const title = titleLine?.[1];
  const simple =
    title === undefined
      ? undefined
      : /^"[^"\\]*"$/.test(title) || /^'[^']*'$/.test(title)
        ? title.slice(1, -1)
        : /^[^\s"'[{&*!|>%@`#,-][^#]*$/.test(title) && !/:[ \t]|:$/.test(title) && !NOT_A_STRING.test(title)
          ? title
          : null;
  if (simple === null) return readFrontMatter(text);
  // A value that goes on over an indented next line is longer than its first line: YAML reads it.
  if (titleLine && /^\n[ \t]/.test(yaml.slice(titleLine.index + titleLine[0].length))) return readFrontMatter(text);
  let newlines = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < match[0].length; at = text.indexOf('\n', at + 1)) newlines += 1;
  return {
    data: simple === undefined ? {} : { title: simple },
    body: '\n'.repeat(newlines) + text.slice(match[0].length),
    present: true,
    problems: [],
  };
}
