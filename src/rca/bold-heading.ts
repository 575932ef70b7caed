import { THEMATIC_BREAK } from './markdown-lines.ts';

/**
 * The depth a bold line heads a section at: below every markdown heading, so a `##` ends it and a
 * bold line under `## Action Items` that names nothing leaves its lines in that section.
 */
export const BOLD_HEADING_DEPTH = 7;

/** A paragraph that is all bold: `**Action items**`, `__Follow-ups:__`, `**Next steps**:`. */
const BOLD_LINE = /^ {0,3}(\*\*|__)(?![\s*_])([^*_]*[^\s*_:])(:?)\1[ \t]*:?[ \t]*$/;
/**
 * A plain label line: `Action Items:`, `Next steps:`, as plain-text postmortems and chat exports write a
 * heading. It heads a section only when the whole label is an action-items heading (`label`; see
 * `actionItemsLabelMatcher`), so that `See the timeline:`, `Notes:` or `The on-call took these
 * actions:` leaves the section it is in as it was.
 */
const LABEL_LINE = /^ {0,3}([A-Za-z][^:*_#|`<>[\]\n]*[^\s:*_#|`<>[\]]):[ \t]*$/;
/** A line that ends the paragraph before it (a blank line, a heading, a list item with text). */
const ENDS_PARAGRAPH = /^(?:[ \t]*|[ ]{0,3}#{1,6}(?:[ \t].*)?|[ ]{0,3}(?:[-*+]|0*1[.)])[ \t]+\S.*)$/;

/**
 * The text of a line that documents exported from Google Docs, Notion or Confluence use as a
 * heading: a top-level paragraph of one line, all bold (or a plain label ending in a colon: `label`),
 * after a blank line (or first in the body) and before a blank line, a heading or a list. `lines` are
 * the body's, front matter blanked. The full parser and the line walker both ask here, about a line
 * they have found to open a top-level paragraph, so they agree on which lines are such headings.
 * Null for any other line.
 */
export function boldHeadingAt(
  lines: readonly string[],
  i: number,
): { depth: number; text: string; setext: false; label: boolean } | null {
  const line = lines[i] ?? '';
  const bold = BOLD_LINE.exec(line);
  const label = bold ? null : LABEL_LINE.exec(line);
  if (!bold && !label) return null;
  // Between blank lines, as exports write it: then no quote or list before it can take it in lazily.
  if (i > 0 && lines[i - 1]!.trim() !== '') return null;
  const next = lines[i + 1];
  if (next !== undefined && (!ENDS_PARAGRAPH.test(next) || THEMATIC_BREAK.test(next))) return null;
  if (bold) return { depth: BOLD_HEADING_DEPTH, text: bold[2]!.trim(), setext: false, label: false };
  return { depth: BOLD_HEADING_DEPTH, text: label![1]!.trim(), setext: false, label: true };
}
