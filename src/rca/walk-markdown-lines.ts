import { boldHeadingAt } from './bold-heading.ts';
import { htmlBlockStart } from './html-block.ts';
import {
  closeListsBeyond,
  contentColumn,
  enclosingColumn,
  endsTable,
  FENCE,
  firstChar,
  indentWidth,
  isContinuation,
  isLoneTag,
  isTableStart,
  LIST_ITEM,
  LIST_MARKER,
  NOT_A_PARAGRAPH,
  nestedMarker,
  ORDERED_NOT_ONE,
  opensParagraph,
  quoteEnd,
  quoteInner,
  quoteLastBlock,
  readHeading,
  SETEXT,
  startsBlock,
  stripColumn,
  THEMATIC_BREAK,
  underlineAt,
} from './markdown-lines.ts';
import { isTaskLine } from './task-item-text.ts';

/** What the walker reports, by line index (0-based); ends are exclusive. */
export interface MarkdownLineVisitor {
  /** A heading of the document (not one inside a list item or a quote). */
  heading(depth: number, text: string, label?: boolean): void;
  /** A table: its header at `start`, its rows up to `end`; `container` > 0 when it is inside a list item. */
  table(start: number, end: number, container: number): void;
  /** Whether the list items from here on are wanted; each is then reported once, with its first paragraph. */
  wantsItems(): boolean;
  /** A task-list item at any depth, or a plain item of a top-level list whose first line opens a paragraph. */
  listItem(start: number, end: number, kind: 'task' | 'plain'): void;
}

/**
 * One pass over a markdown body, line by line, by CommonMark's block rules as micromark (the full
 * parse) applies them: headings, tables and list items where unified would find them, and nothing
 * inside code, HTML blocks or quotes. The reminder scan, the RCA refresh and the Done write-back all
 * read files through it; front matter must be blanked first (`blankFrontMatter`).
 */
export function walkMarkdownLines(lines: string[], visit: MarkdownLineVisitor): void {
  let fence: { marker: string; container: number } | null = null;
  let html: OpenHtml | null = null;
  /** The content columns of the list items the line may be inside, innermost last. */
  const lists: number[] = [];
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

  const enterHeading = (heading: { depth: number; text: string; label?: boolean }) => {
    visit.heading(heading.depth, heading.text, heading.label);
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
    // Or a bold line of its own, which heads a section in documents exported from Google Docs or Confluence.
    const heading =
      (firstChar(line) === '#' || ((nextFirst === '=' || nextFirst === '-') && mayBeSetext)
        ? readHeading(lines, i, continuesParagraph ? paragraphStart : i)
        : null) ?? (marker || inText || lists.length > 0 ? null : boldHeadingAt(lines, i));
    if (heading) {
      enterHeading(heading);
      i += heading.setext ? 1 : 0;
      continue;
    }
    if (
      !marker &&
      indent >= container &&
      i !== noTableAt &&
      (container === 0
        ? isTableStart(lines, i)
        : isTableStart([stripColumn(line, container), stripColumn(lines[i + 1] ?? '', container)], 0))
    ) {
      const end = tableEnd(lines, i, container);
      visit.table(i, end, container);
      i = end - 1;
      if (container > 0) noTableAt = i + 1; // nor on the line right after a list item's table
      inText = false;
      paragraphStart = -1;
      continue;
    }
    if (marker && visit.wantsItems()) {
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
        visit.listItem(i, end, task ? 'task' : 'plain');
        i = end - 1;
      }
    }
    if (
      marker
        ? NOT_A_PARAGRAPH.test(content)
        : THEMATIC_BREAK.test(lists.length === 0 ? line : stripColumn(line, enclosingColumn(lists, indent)))
    ) {
      inText = false;
      continue;
    }
    inText = true;
    if (paragraphStart === -1 && mayBeSetext) paragraphStart = i;
  }
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

/** The index of the line after a table's last row. */
function tableEnd(lines: string[], start: number, container: number): number {
  let i = start + 2;
  while (i < lines.length && indentWidth(lines[i]!) >= container && !endsTable(stripColumn(lines[i]!, container)))
    i += 1;
  return i;
}
