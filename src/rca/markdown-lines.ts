import { headingText } from './heading-text.ts';
import { htmlBlockStart } from './html-block.ts';
import { isDelimiterRow, splitTableRow } from './split-table-row.ts';

/*
 * What a markdown line opens, continues or ends, by CommonMark's block rules as micromark (the full
 * parse) applies them: the fast action-item scanner reads a file line by line with these.
 */

export const FENCE = /^ {0,3}(`{3,}|~{3,})/;
export const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
export const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
export const BLOCK_START = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|`{3,}|~{3,}|(?:[-*_][ \t]*){3,}$)/;
export const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** What a list item's first line may hold without opening a paragraph: nothing, a heading or a rule. */
export const NOT_A_PARAGRAPH = /^(?:[ \t]*|#{1,6}(?:[ \t].*)?|(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
export const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
export const ORDERED_NOT_ONE = /^[ \t]*(?!0*1[.)])\d{1,9}[.)](?:[ \t]|$)/;
export const LIST_MARKER = /^([ \t]*(?:[-*+]|\d{1,9}[.)]))([ \t]*)/;

/** Closes the list items a line indented this little cannot be inside. */
export function closeListsBeyond(lists: number[], indent: number): void {
  while (lists.length > 0 && lists[lists.length - 1]! > indent) lists.pop();
}

export function indentWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** The first character after up to three spaces of indentation ('' for a blank or indented line). */
export function firstChar(line: string): string {
  for (let i = 0; i < 4 && i < line.length; i += 1) if (line[i] !== ' ') return line[i]!;
  return '';
}

/** A GFM table: a header row, then a delimiter row with as many cells and at least one unescaped pipe. */
export function isTableStart(lines: string[], i: number): boolean {
  const header = lines[i]!;
  const delimiter = lines[i + 1];
  if (delimiter === undefined || !delimiter.includes('|') || /^ {4,}/.test(header)) return false;
  if (!/(?:^|[^\\])\|/.test(delimiter) || !isDelimiterRow(delimiter)) return false;
  return splitTableRow(header).length === splitTableRow(delimiter).length;
}

/** Whether a line starts a block of its own rather than continuing a paragraph lazily. */
export function startsBlock(line: string): boolean {
  if (/^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(line) || BLOCK_START.test(line)) return true;
  return /^ {0,3}</.test(line) && htmlBlockStart(line.trimStart())?.interruptsParagraph === true;
}

/** A table's body runs until a blank line or the start of any other block (indented code included). */
export function endsTable(line: string): boolean {
  if (line.trim() === '' || /^(?: {4}| {0,3}\t)/.test(line) || LIST_ITEM.test(line) || BLOCK_START.test(line))
    return true;
  return /^ {0,3}</.test(line) && htmlBlockStart(line.trimStart()) !== null;
}

/** The content column of the innermost open list item a line indented this far can be inside (0 for none). */
export function enclosingColumn(lists: number[], indent: number): number {
  for (let i = lists.length - 1; i >= 0; i -= 1) if (lists[i]! <= indent) return lists[i]!;
  return 0;
}

/** The text of a block-quote line after its `>` (and one space), or null for a line outside the quote. */
export function quoteInner(line: string): string | null {
  const match = /^ {0,3}> ?/.exec(line);
  return match ? line.slice(match[0].length) : null;
}

/** What a quote's last line belongs to: paragraph text (which a plain line after it continues), a table, or neither. */
export function quoteLastBlock(inner: string[]): 'paragraph' | 'table' | 'other' {
  let inTable = false;
  /** The content column of a list item whose paragraph a less indented line continues lazily (0 for none). */
  let itemColumn = 0;
  /** Whether that item's paragraph is in a quote of its own (`- > x`), which no line without `>` underlines. */
  let quotedItem = false;
  /** The same two before the last line. */
  let before = { itemColumn: 0, quotedItem: false };
  for (let k = 0; k < inner.length; k += 1) {
    const line = inner[k]!;
    before = { itemColumn, quotedItem };
    if (inTable && !endsTable(line)) continue;
    const lazy = itemColumn > 0 && line.trim() !== '' && indentWidth(line) < itemColumn && !startsBlock(line);
    inTable = !lazy && isTableStart(inner, k);
    if (inTable) {
      k += 1;
      itemColumn = 0;
    } else if (line.trim() === '') itemColumn = 0;
    else if (!lazy) {
      const marker = LIST_ITEM.test(line) ? LIST_MARKER.exec(line) : null;
      itemColumn = marker && !NOT_A_PARAGRAPH.test(line.slice(marker[0].length)) ? contentColumn(marker) : 0;
      quotedItem = marker !== null && line.slice(marker[0].length).startsWith('>');
    }
  }
  if (inTable) return 'table';
  const last = inner.at(-1)!;
  const marker = LIST_ITEM.test(last) ? LIST_MARKER.exec(last) : null;
  // A rule or an underline ends the paragraph from any indentation inside a list item.
  const content = marker ? last.slice(marker[0].length) : last.trimStart();
  // A rule, a fence or indented code (`-      x`) takes no lazy line.
  if (NOT_A_PARAGRAPH.test(content) || FENCE.test(content) || (marker !== null && marker[2]!.length > 4))
    return 'other';
  // An underline makes a heading of the paragraph in its own container; a lazy `===` is only text.
  const underline =
    !marker &&
    SETEXT.test(content) &&
    !before.quotedItem &&
    (before.itemColumn === 0 || indentWidth(last) >= before.itemColumn);
  return underline ? 'other' : 'paragraph';
}

/** The column where a list item's content starts, from its marker (`LIST_MARKER`'s match). */
export function contentColumn(marker: RegExpExecArray): number {
  const spaces = marker[2]!.length;
  return indentWidth(marker[1]!) + marker[1]!.trimStart().length + (spaces === 0 || spaces > 4 ? 1 : spaces);
}

/** The index of the last line of the block quote starting at `start`, without lazy lines. */
export function quoteEnd(lines: string[], start: number): number {
  let end = start;
  while (end + 1 < lines.length && quoteInner(lines[end + 1]!) !== null) end += 1;
  return end;
}

/** A line that is only an HTML tag (`<br>`, `</span>`): an HTML block that cannot interrupt a paragraph. */
export function isLoneTag(line: string): boolean {
  return /^ {0,3}</.test(line) && htmlBlockStart(line.trimStart())?.interruptsParagraph === false;
}

/** The marker of a list opened on the same line as its parent item's (`- - x`), if any. */
export function nestedMarker(content: string, outer: RegExpExecArray): RegExpExecArray | null {
  if (outer[2]!.length > 4 || !LIST_ITEM.test(content) || THEMATIC_BREAK.test(content)) return null;
  return LIST_MARKER.exec(content);
}

/**
 * Whether a list item's first line opens a paragraph, rather than indented code, a quote, a fence,
 * an HTML block, a nested list or a table.
 */
export function opensParagraph(
  content: string,
  marker: RegExpExecArray,
  next: string | undefined,
  column: number,
): boolean {
  if (NOT_A_PARAGRAPH.test(content) || marker[2]!.length > 4 || content.startsWith('>')) return false;
  if (LIST_ITEM.test(content) || (content.startsWith('<') && htmlBlockStart(content) !== null)) return false;
  const open = FENCE.exec(content);
  if (open && !(open[1]![0] === '`' && content.slice(open.index + open[1]!.length).includes('`'))) return false;
  if (next === undefined || indentWidth(next) < column) return true;
  return !isTableStart([content, stripColumn(next, column)], 0);
}

/** The line that underlines a list item's paragraph (lines `start` to `end - 1`) into a setext heading, or -1. */
export function underlineAt(lines: string[], start: number, end: number, column: number): number {
  for (let k = start + 1; k <= end && k < lines.length; k += 1) {
    const line = lines[k]!;
    const indent = indentWidth(line);
    if (indent >= column && SETEXT.test(stripColumn(line, column))) return indent - column < 4 ? k : -1;
  }
  return -1;
}

/**
 * Whether a line goes on with a list item's paragraph. A lone tag (`<br>`) cannot interrupt a
 * paragraph, but micromark, which the full parse uses, lets one end it from a lazy line, outside the
 * item's column.
 */
export function isContinuation(lines: string[], i: number, lists: number[]): boolean {
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
export function stripColumn(line: string, column: number): string {
  return line.slice(Math.min(column, line.length - line.trimStart().length));
}

/** An ATX heading on the line, or a setext heading made of the paragraph from `from` to the line. */
export function readHeading(
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
