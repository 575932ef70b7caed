import { findActionItemColumns, noActionColumnProblem } from './action-item-columns.ts';
import { readFrontMatter } from './front-matter.ts';
import { htmlBlockStart } from './html-block.ts';
import type { ParsedActionItem, Problem } from './rca-document.ts';
import { readActionRow, readTaskItem } from './read-action-item.ts';
import { createSectionTracker } from './section-tracker.ts';
import { isDelimiterRow, splitTableRow } from './split-table-row.ts';
import { isTaskLine, taskItemText } from './task-item-text.ts';

export interface ScannedRca {
  frontMatter: Record<string, unknown>;
  title: string | null;
  actionItems: ParsedActionItem[];
  problems: Problem[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|`{3,}|~{3,}|(?:[-*_][ \t]*){3,}$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** What a list item's first line may hold without opening a paragraph: nothing, a heading or a rule. */
const NOT_A_PARAGRAPH = /^(?:[ \t]*|#{1,6}(?:[ \t].*)?|(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const LIST_MARKER = /^([ \t]*(?:[-*+]|\d{1,9}[.)]))([ \t]*)/;

/**
 * The reminder scan's fast path: finds the Action Items section line by line and splits its tables
 * with the same cell reader the full parser uses, without building a syntax tree. About fifty times
 * faster than `parseRca`; a differential test holds the two to the same answers.
 */
export function scanActionItems(source: string, options: { frontMatter?: 'full' | 'title' } = {}): ScannedRca {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = options.frontMatter === 'title' ? readTitleOnly(text) : readFrontMatter(text);
  const problems: Problem[] = [...front.problems];
  const lines = front.body.split('\n');
  const result: ScannedRca = {
    frontMatter: front.data,
    title: typeof front.data['title'] === 'string' ? front.data['title'] : null,
    actionItems: [],
    problems,
  };
  let fence: { marker: string; container: number } | null = null;
  let html: OpenHtml | null = null;
  /** The content columns of the list items the line may be inside, innermost last. */
  const lists: number[] = [];
  const tracker = createSectionTracker();
  /** Whether the previous line was paragraph text, which a lone tag or indented code cannot interrupt. */
  let inText = false;
  /** The first line of the top-level paragraph the line continues, which a setext underline makes a heading; -1 for none. */
  let paragraphStart = -1;
  /** Whether the previous line was a block quote's paragraph, which a plain line continues lazily. */
  let quote = false;

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const blank = line.trim() === '';
    const indent = blank ? 0 : indentWidth(line);
    if (html !== null) {
      if (htmlContinues(html, blank, indent)) {
        if (html.end?.test(line)) html = null;
        inText = false;
        continue;
      }
      html = null;
    }
    if (fence !== null) {
      if (blank || indent >= fence.container) {
        const close = FENCE.exec(line.slice(Math.min(fence.container, indent)));
        if (
          close &&
          close[1]![0] === fence.marker[0] &&
          close[1]!.length >= fence.marker.length &&
          line.trim() === close[1]
        )
          fence = null;
        continue;
      }
      fence = null;
    }
    if (blank) {
      inText = false;
      paragraphStart = -1;
      quote = false;
      continue;
    }
    if (quote) {
      if (isLoneTag(line)) {
        // micromark ends the quote's paragraph at a lazy lone tag; the next line starts afresh.
        quote = false;
        inText = false;
        continue;
      }
      if (!startsBlock(line)) continue;
      quote = false;
    }
    const continuesParagraph = inText && paragraphStart !== -1;
    if (!continuesParagraph) paragraphStart = -1;

    const parent = lists.at(-1) ?? 0;
    if (indent - parent >= 4) {
      // Indented code, or a paragraph's continuation (which a list marker this deep cannot interrupt).
      continue;
    }
    const marker = LIST_ITEM.test(line) ? LIST_MARKER.exec(line) : null;
    if (!marker && inText && indent < parent && isLoneTag(line)) {
      // The same for a list item's paragraph: the lazy tag is a one-line HTML block inside the item.
      inText = false;
      paragraphStart = -1;
      continue;
    }
    let content: string;
    if (marker) {
      closeListsBeyond(lists, indent);
      const spaces = marker[2]!.length;
      const column = indent + marker[1]!.trimStart().length + (spaces === 0 || spaces > 4 ? 1 : spaces);
      lists.push(column);
      content = line.slice(marker[0].length);
    } else {
      content = line.trimStart();
      if (!inText || startsBlock(line)) closeListsBeyond(lists, indent);
    }
    const container = lists.at(-1) ?? 0;
    if (!marker && content.startsWith('>')) {
      quote = true;
      inText = true;
      paragraphStart = -1;
      continue;
    }

    const first = content[0];
    const open = first === '`' || first === '~' ? FENCE.exec(content) : null;
    if (open && !(open[1]![0] === '`' && content.slice(open.index + open[1]!.length).includes('`'))) {
      fence = { marker: open[1]!, container };
      inText = false;
      continue;
    }
    const start = first === '<' ? htmlBlockStart(content) : null;
    if (start && (start.interruptsParagraph || !inText || marker)) {
      html = start.end?.test(content) ? null : { end: start.end, container };
      inText = false;
      continue;
    }
    const next = lines[i + 1];
    const nextFirst = next === undefined ? '' : firstChar(next);
    const mayBeSetext = !marker && container === 0 && (continuesParagraph || !inText);
    const heading =
      firstChar(line) === '#' || ((nextFirst === '=' || nextFirst === '-') && mayBeSetext)
        ? readHeading(lines, i, continuesParagraph ? paragraphStart : i)
        : null;
    if (heading) {
      tracker.enter(heading.depth, heading.text);
      if (result.title === null && heading.depth === 1) result.title = heading.text;
      i += heading.setext ? 1 : 0;
      inText = false;
      paragraphStart = -1;
      lists.length = 0;
      continue;
    }
    if (!marker && container === 0 && isTableStart(lines, i)) {
      i = readTable(lines, i, tracker.kind() === 'actions' ? result.actionItems : null, problems);
      inText = false;
      paragraphStart = -1;
      continue;
    }
    if (tracker.kind() === 'actions' && marker && isTaskLine(line)) {
      let end = i + 1;
      while (end < lines.length && isContinuation(lines[end]!, container)) end += 1;
      const task = taskItemText(lines.slice(i, end));
      if (task && task.text !== '') result.actionItems.push(readTaskItem(task.text, task.checked, i + 1, problems));
      i = end - 1;
    }
    if (marker ? NOT_A_PARAGRAPH.test(content) : THEMATIC_BREAK.test(line)) {
      inText = false;
      continue;
    }
    inText = true;
    if (paragraphStart === -1 && mayBeSetext) paragraphStart = i;
  }
  return result;
}

interface OpenHtml {
  /** The closing line's pattern; null when a blank line closes the block. */
  end: RegExp | null;
  /** The indentation of the list item holding the block (0 at the top level). */
  container: number;
}

/** Whether a line still belongs to an open HTML block: its list item has not ended, nor a blank line ended it. */
function htmlContinues(html: OpenHtml, blank: boolean, indent: number): boolean {
  if (html.end === null) return !blank && indent >= html.container;
  return blank || indent >= html.container;
}

/** Closes the list items a line indented this little cannot be inside. */
function closeListsBeyond(lists: number[], indent: number): void {
  while (lists.length > 0 && lists[lists.length - 1]! > indent) lists.pop();
}

function indentWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** The first character after up to three spaces of indentation ('' for a blank or indented line). */
function firstChar(line: string): string {
  for (let i = 0; i < 4 && i < line.length; i += 1) if (line[i] !== ' ') return line[i]!;
  return '';
}

/**
 * The reminder scan needs the title only: read it straight off a simple `title:` line, and leave the
 * YAML parser for anything less plain.
 */
function readTitleOnly(text: string): ReturnType<typeof readFrontMatter> {
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return readFrontMatter(text);
  const title = /^title:[ \t]*(.*?)[ \t]*$/m.exec(match[1]!)?.[1];
  const simple =
    title === undefined
      ? undefined
      : /^"[^"\\]*"$/.test(title) || /^'[^']*'$/.test(title)
        ? title.slice(1, -1)
        : /^[^\s"'[{&*!|>%@`#,-][^#]*$/.test(title) && !/: /.test(title)
          ? title
          : null;
  if (simple === null || /^[ \t]/m.test(match[1]!.split('\n').find((l) => l.startsWith('title:')) ?? ''))
    return readFrontMatter(text);
  const head = text.slice(0, match[0].length);
  return {
    data: simple === undefined ? {} : { title: simple },
    body: head.replace(/[^\n]/g, '') + text.slice(match[0].length),
    present: true,
    problems: [],
  };
}

/** An ATX heading on the line, or a setext heading made of the paragraph from `from` to the line. */
function readHeading(
  lines: string[],
  i: number,
  from: number,
): { depth: number; text: string; setext: boolean } | null {
  const line = lines[i]!;
  const atx = ATX.exec(line);
  if (atx) return { depth: atx[1]!.length, text: headingText(atx[2] ?? ''), setext: false };
  const next = lines[i + 1];
  if (next !== undefined && !BLOCK_START.test(line) && !isTableStart(lines, i) && SETEXT.test(next)) {
    const text = lines
      .slice(from, i + 1)
      .map((l) => headingText(l))
      .join('\n');
    return { depth: next.trim().startsWith('=') ? 1 : 2, text, setext: true };
  }
  return null;
}

function headingText(raw: string): string {
  return raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(?<!\\)[*_`]/g, '')
    .replace(/\\(.)/g, '$1')
    .trim();
}

/** A GFM table: a header row, then a delimiter row with as many cells and at least one unescaped pipe. */
function isTableStart(lines: string[], i: number): boolean {
  const header = lines[i]!;
  const delimiter = lines[i + 1];
  if (delimiter === undefined || !delimiter.includes('|') || /^ {4,}/.test(header)) return false;
  if (!/(?:^|[^\\])\|/.test(delimiter) || !isDelimiterRow(delimiter)) return false;
  return splitTableRow(header).length === splitTableRow(delimiter).length;
}

/** Reads a table's rows as action items when `items` is given; returns the index of its last line. */
function readTable(lines: string[], start: number, items: ParsedActionItem[] | null, problems: Problem[]): number {
  const columns = items === null ? null : findActionItemColumns(splitTableRow(lines[start]!));
  let i = start + 2;
  for (; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (endsTable(line)) break;
    if (columns && items) {
      const item = readActionRow(splitTableRow(line), columns, i + 1, problems);
      if (item) items.push(item);
    }
  }
  if (items && !columns && i > start + 2) problems.push(noActionColumnProblem(start + 1, i - start - 2));
  return i - 1;
}

/** Whether a line starts a block of its own rather than continuing a paragraph lazily. */
function startsBlock(line: string): boolean {
  if (LIST_ITEM.test(line) || BLOCK_START.test(line)) return true;
  return /^ {0,3}</.test(line) && htmlBlockStart(line.trimStart())?.interruptsParagraph === true;
}

/** A table's body runs until a blank line or the start of any other block (indented code included). */
function endsTable(line: string): boolean {
  if (line.trim() === '' || /^(?: {4}| {0,3}\t)/.test(line) || LIST_ITEM.test(line) || BLOCK_START.test(line))
    return true;
  return /^ {0,3}</.test(line) && htmlBlockStart(line.trimStart()) !== null;
}

/**
 * Whether a line goes on with a list item's paragraph. A lone tag (`<br>`) cannot interrupt a
 * paragraph, but micromark, which the full parse uses, lets one end it from a lazy line, outside the
 * item's column.
 */
function isContinuation(line: string, column: number): boolean {
  if (line.trim() === '' || startsBlock(line)) return false;
  return !(indentWidth(line) < column && isLoneTag(line));
}

/** A line that is only an HTML tag (`<br>`, `</span>`): an HTML block that cannot interrupt a paragraph. */
function isLoneTag(line: string): boolean {
  return /^ {0,3}</.test(line) && htmlBlockStart(line.trimStart())?.interruptsParagraph === false;
}
