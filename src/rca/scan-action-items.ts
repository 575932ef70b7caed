import { type ActionItemCollector, createActionItemCollector } from './action-item-collector.ts';
import { findActionItemColumns, noActionColumnProblem } from './action-item-columns.ts';
import { readFrontMatter } from './front-matter.ts';
import { htmlBlockStart } from './html-block.ts';
import {
  ATX,
  BLOCK_START,
  closeListsBeyond,
  contentColumn,
  enclosingColumn,
  endsTable,
  FENCE,
  firstChar,
  indentWidth,
  isLoneTag,
  isTableStart,
  LIST_ITEM,
  LIST_MARKER,
  NOT_A_PARAGRAPH,
  ORDERED_NOT_ONE,
  quoteEnd,
  quoteInner,
  quoteLastBlock,
  SETEXT,
  startsBlock,
  THEMATIC_BREAK,
} from './markdown-lines.ts';
import type { ParsedActionItem, Problem } from './rca-document.ts';
import type { RcaReadOptions } from './parse-rca.ts';
import { readActionRow } from './read-action-item.ts';
import { readListItem } from './read-list-item.ts';
import { createSectionTracker } from './section-tracker.ts';
import { splitTableRow } from './split-table-row.ts';
import { isTaskLine, listItemText, taskItemText } from './task-item-text.ts';

export interface ScannedRca {
  frontMatter: Record<string, unknown>;
  title: string | null;
  actionItems: ParsedActionItem[];
  problems: Problem[];
}

/** Changes when the scanner reads files differently, so that results cached by an older one are read again. */
export const SCANNER_VERSION = 'lists-1';

/**
 * The reminder scan's fast path: finds the Action Items section line by line and splits its tables
 * with the same cell reader the full parser uses, without building a syntax tree. About fifty times
 * faster than `parseRca`; a differential test holds the two to the same answers.
 */
export function scanActionItems(
  source: string,
  options: RcaReadOptions & { frontMatter?: 'full' | 'title' } = {},
): ScannedRca {
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
  const tracker = createSectionTracker(options.actionItemHeadings);
  const collect = createActionItemCollector(result.actionItems, problems);
  /** Whether the previous line was paragraph text, which a lone tag or indented code cannot interrupt. */
  let inText = false;
  /** The first line of the top-level paragraph the line continues, which a setext underline makes a heading; -1 for none. */
  let paragraphStart = -1;
  /** Whether the previous line was a block quote's paragraph, which a plain line continues lazily. */
  let quote = false;
  /** Whether only blank lines stand between the line and indented code. */
  let afterCode = false;
  /** Whether that indented code ended a list, whose items (from 2 or not) micromark lets go on after it. */
  let codeEndedList = false;
  /** A line that may not start a table: the one right after a table its container ended (micromark). */
  let noTableAt = -1;

  const enterHeading = (heading: { depth: number; text: string }) => {
    collect.flush();
    tracker.enter(heading.depth, heading.text);
    if (result.title === null && heading.depth === 1) result.title = heading.text;
    inText = false;
    paragraphStart = -1;
    lists.length = 0;
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const blank = line.trim() === '';
    const indent = blank ? 0 : indentWidth(line);
    const followsCode = afterCode && !codeEndedList;
    if (!blank) afterCode = false;
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
      if (!startsBlock(stripColumn(line, enclosingColumn(lists, indent)))) continue;
      quote = false;
      inText = false; // the quote's paragraph is closed: the line is not interrupting it
    }
    const continuesParagraph = inText && paragraphStart !== -1;
    if (!continuesParagraph) paragraphStart = -1;

    const parent = lists.at(-1) ?? 0;
    if (indent - enclosingColumn(lists, indent) >= 4) {
      // Indented code, or a paragraph's continuation (which a list marker this deep cannot interrupt).
      if (!inText) {
        afterCode = true;
        codeEndedList = lists.length > 0;
        closeListsBeyond(lists, indent);
      } else if (continuesParagraph && SETEXT.test(lines[i + 1] ?? '')) {
        // The paragraph it continues becomes a setext heading.
        const heading = readHeading(lines, i, paragraphStart);
        if (heading) {
          enterHeading(heading);
          i += 1;
        }
      }
      continue;
    }
    // An ordered list starting at another number than 1 cannot interrupt a paragraph (nor, in
    // micromark, follow indented code): such a line goes on with the paragraph.
    const demoted = (inText || followsCode) && indent >= parent && ORDERED_NOT_ONE.test(line);
    const marker = LIST_ITEM.test(line) && !demoted ? LIST_MARKER.exec(line) : null;
    if (!marker && inText && indent < parent && isLoneTag(line)) {
      // The same for a list item's paragraph: the lazy tag is a one-line HTML block inside the item.
      inText = false;
      paragraphStart = -1;
      continue;
    }
    let content: string;
    /** The line from its innermost list marker on: `- - x` opens two lists. */
    let itemLine = line;
    let innerMarker = marker;
    if (marker) {
      closeListsBeyond(lists, indent);
      lists.push(contentColumn(marker));
      content = line.slice(marker[0].length);
      for (let inner = nestedMarker(content, innerMarker!); inner; inner = nestedMarker(content, innerMarker!)) {
        itemLine = content;
        innerMarker = inner;
        lists.push(lists.at(-1)! + contentColumn(inner));
        content = content.slice(inner[0].length);
      }
    } else {
      content = line.trimStart();
      if (!inText || (startsBlock(line) && !demoted)) closeListsBeyond(lists, indent);
    }
    const container = lists.at(-1) ?? 0;
    if (marker && marker[2]!.length > 4 && content !== '') {
      // The item opens with indented code, which no line continues lazily.
      inText = false;
      continue;
    }
    if (!marker && content.startsWith('>')) {
      // A block quote: nothing inside it is read, but a plain line after its paragraph continues it.
      const end = quoteEnd(lines, i);
      const last = quoteLastBlock(lines.slice(i, end + 1).map((l) => quoteInner(l)!));
      quote = last === 'paragraph';
      inText = quote;
      if (last === 'table') noTableAt = end + 1; // micromark starts no table right after a quote's table
      paragraphStart = -1;
      i = end;
      continue;
    }

    if (marker && content.startsWith('>')) {
      // A quote opening a list item, read as the top-level one below: its lines are those marked in the item's column.
      const inner = [quoteInner(content)!];
      let end = i;
      while (end + 1 < lines.length && indentWidth(lines[end + 1]!) >= container) {
        const next = quoteInner(stripColumn(lines[end + 1]!, container));
        if (next === null) break;
        inner.push(next);
        end += 1;
      }
      const last = quoteLastBlock(inner);
      quote = last === 'paragraph';
      inText = quote;
      if (last === 'table') noTableAt = end + 1;
      paragraphStart = -1;
      i = end;
      continue;
    }
    if (!marker && container > 0 && inText && indent >= container && SETEXT.test(stripColumn(line, container))) {
      // An underline in a list item makes a heading of the item's paragraph: nothing continues it lazily.
      inText = false;
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
      enterHeading(heading);
      i += heading.setext ? 1 : 0;
      continue;
    }
    if (
      !marker &&
      indent >= container &&
      i !== noTableAt &&
      isTableStart([stripColumn(line, container), stripColumn(lines[i + 1] ?? '', container)], 0)
    ) {
      // Only a top-level table holds action items, as in the full parse; one in a list item is skipped whole.
      i = readTable(lines, i, tracker.kind() === 'actions' && container === 0 ? collect : null, container);
      if (container > 0) noTableAt = i + 1; // nor on the line right after a list item's table
      inText = false;
      paragraphStart = -1;
      continue;
    }
    if (tracker.kind() === 'actions' && marker) {
      // micromark reads no checkbox in a list opened on its parent item's line (`- - [ ] x`).
      const task = itemLine === line && isTaskLine(line);
      if (task || (lists.length === 1 && opensParagraph(content, innerMarker!, lines[i + 1], lists[0]!))) {
        let end = i + 1;
        while (end < lines.length && isContinuation(lines, end, lists)) end += 1;
        const underline = underlineAt(lines, i, end, lists.at(-1)!);
        if (underline !== -1) {
          // The item's paragraph is a setext heading: no item, and the lines after it are read afresh.
          i = underline;
          inText = false;
          continue;
        }
        readListLines(lines.slice(i, end), task, i + 1, collect);
        i = end - 1;
      }
    }
    if (
      marker ? NOT_A_PARAGRAPH.test(content) : THEMATIC_BREAK.test(stripColumn(line, enclosingColumn(lists, indent)))
    ) {
      inText = false;
      continue;
    }
    inText = true;
    if (paragraphStart === -1 && mayBeSetext) paragraphStart = i;
  }
  collect.flush();
  return result;
}

function readListLines(lines: string[], task: boolean, line: number, collect: ActionItemCollector): void {
  if (task) {
    const read = taskItemText(lines);
    if (read && read.text !== '') collect.add('task', (p) => readListItem(read.text, read.checked, line, p));
  } else {
    const text = listItemText(lines);
    if (text !== '') collect.add('plain', (p) => readListItem(text, null, line, p));
  }
}

/** The marker of a list opened on the same line as its parent item's (`- - x`), if any. */
function nestedMarker(content: string, outer: RegExpExecArray): RegExpExecArray | null {
  if (outer[2]!.length > 4 || !LIST_ITEM.test(content) || THEMATIC_BREAK.test(content)) return null;
  return LIST_MARKER.exec(content);
}

/**
 * Whether a list item's first line opens a paragraph, rather than indented code, a quote, a fence,
 * an HTML block, a nested list or a table.
 */
function opensParagraph(content: string, marker: RegExpExecArray, next: string | undefined, column: number): boolean {
  if (NOT_A_PARAGRAPH.test(content) || marker[2]!.length > 4 || content.startsWith('>')) return false;
  if (LIST_ITEM.test(content) || (content.startsWith('<') && htmlBlockStart(content) !== null)) return false;
  const open = FENCE.exec(content);
  if (open && !(open[1]![0] === '`' && content.slice(open.index + open[1]!.length).includes('`'))) return false;
  if (next === undefined || indentWidth(next) < column) return true;
  return !isTableStart([content, stripColumn(next, column)], 0);
}

/** The line that underlines a list item's paragraph (lines `start` to `end - 1`) into a setext heading, or -1. */
function underlineAt(lines: string[], start: number, end: number, column: number): number {
  for (let k = start + 1; k <= end && k < lines.length; k += 1) {
    const line = lines[k]!;
    const indent = indentWidth(line);
    if (indent >= column && SETEXT.test(stripColumn(line, column))) return indent - column < 4 ? k : -1;
  }
  return -1;
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
  const title = /^title:[ \t]*(.*?)[ \t]*$/m.exec(match[1]!)?.[1];
  const simple =
    title === undefined
      ? undefined
      : /^"[^"\\]*"$/.test(title) || /^'[^']*'$/.test(title)
        ? title.slice(1, -1)
        : /^[^\s"'[{&*!|>%@`#,-][^#]*$/.test(title) && !/:[ \t]|:$/.test(title) && !NOT_A_STRING.test(title)
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

/** Reads a table's rows as action items when `collect` is given; returns the index of its last line. */
function readTable(lines: string[], start: number, collect: ActionItemCollector | null, container: number): number {
  const columns = collect === null ? null : findActionItemColumns(splitTableRow(lines[start]!));
  let i = start + 2;
  for (; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (indentWidth(line) < container || endsTable(stripColumn(line, container))) break;
    if (columns && collect) {
      const row = splitTableRow(line);
      const at = i + 1;
      collect.add('row', (problems) => readActionRow(row, columns, at, problems));
    }
  }
  if (collect && !columns && i > start + 2) collect.problem(noActionColumnProblem(start + 1, i - start - 2));
  return i - 1;
}

/**
 * Whether a line goes on with a list item's paragraph. A lone tag (`<br>`) cannot interrupt a
 * paragraph, but micromark, which the full parse uses, lets one end it from a lazy line, outside the
 * item's column.
 */
function isContinuation(lines: string[], i: number, lists: number[]): boolean {
  const line = lines[i]!;
  if (line.trim() === '') return false;
  const indent = indentWidth(line);
  // A block start is read from the column of the list item the line is in (`    ---` ends a nested item's text).
  const leading = line.length - line.trimStart().length;
  if (BLOCK_START.test(line.slice(Math.min(leading, enclosingColumn(lists, indent))))) return false;
  const column = lists.at(-1)!;
  if (indent >= column && isTableStart([stripColumn(line, column), stripColumn(lines[i + 1] ?? '', column)], 0))
    return false;
  if (indent - enclosingColumn(lists, indent) >= 4) return true;
  if (indent >= lists.at(-1)! && ORDERED_NOT_ONE.test(line)) return true;
  if (LIST_ITEM.test(line) || (/^ {0,3}</.test(line) && htmlBlockStart(line.trimStart())?.interruptsParagraph))
    return false;
  return !(indent < lists.at(-1)! && isLoneTag(line));
}

/** A line with up to `column` characters of its indentation taken off. */
function stripColumn(line: string, column: number): string {
  return line.slice(Math.min(column, line.length - line.trimStart().length));
}
