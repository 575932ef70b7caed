import { THEMATIC_BREAK } from './markdown-lines.ts';

/**
 * The depth a bold line heads a section at: below every markdown heading, so a `##` ends it and a
 * bold line under `## Action Items` that names nothing leaves its lines in that section.
 */
export const BOLD_HEADING_DEPTH = 7;

/** A paragraph that is all bold: `**Action items**`, `__Follow-ups:__`, `**Next steps**:`. */
const BOLD_LINE = /^ {0,3}(\*\*|__)(?![\s*_])([^*_]*[^\s*_:])(:?)\1[ \t]*:?[ \t]*$/;
/** A line that ends the paragraph before it (a blank line, a heading, a list item with text). */
const ENDS_PARAGRAPH = /^(?:[ \t]*|[ ]{0,3}#{1,6}(?:[ \t].*)?|[ ]{0,3}(?:[-*+]|0*1[.)])[ \t]+\S.*)$/;

/**
 * The text of a line that documents exported from Google Docs, Notion or Confluence use as a
 * heading: a top-level paragraph of one line, all bold, after a blank line (or first in the body) and
 * before a blank line, a heading or a list. `lines` are the body's, front matter blanked. The full parser and the line walker both ask
 * here, about a line they have found to open a top-level paragraph, so they agree on which lines are
 * such headings. Null for any other line.
 */
export function boldHeadingAt(
  lines: readonly string[],
  i: number,
): { depth: number; text: string; setext: false } | null {
  const match = BOLD_LINE.exec(lines[i] ?? '');
  if (!match) return null;
  // Between blank lines, as exports write it: then no quote or list before it can take it in lazily.
  if (i > 0 && lines[i - 1]!.trim() !== '') return null;
  const next = lines[i + 1];
  if (next !== undefined && (!ENDS_PARAGRAPH.test(next) || THEMATIC_BREAK.test(next))) return null;
  return { depth: BOLD_HEADING_DEPTH, text: match[2]!.trim(), setext: false };
}
