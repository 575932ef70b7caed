import { blankFrontMatter } from './front-matter.ts';
import { walkMarkdownLines } from './walk-markdown-lines.ts';

/**
 * The table that holds the body row at `index` (0-based), as the markdown line walker finds it: its
 * header at `start`, the delimiter row after it, and its rows up to `end` (exclusive). Null when the
 * line is not a table's body row.
 */
export function findTable(lines: string[], index: number): { start: number; end: number } | null {
  let found: { start: number; end: number } | null = null;
  walkMarkdownLines(blankFrontMatter(lines), {
    heading: () => {},
    table(start, end) {
      if (start + 2 <= index && index < end) found = { start, end };
    },
    wantsItems: () => false,
    listItem: () => {},
  });
  return found;
}
