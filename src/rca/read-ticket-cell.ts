import { plainCellText } from './cell-text.ts';
import { isDelimiterRow, splitTableRow } from './split-table-row.ts';

const TICKET_HEADER = /^(?:tickets?|issues?|bugs?|jira|tracking)$/;
const EMPTY = /^(?:|-+|—|tbd|tba|n\/?a|none|\?+)$/i;
/** `OPS-123`, or a link to an issue page (GitHub, Jira's /browse/, Linear's /issue/). */
const TICKET_IN_TEXT = /\b[A-Z][A-Z0-9]{1,9}-\d+\b|https?:\/\/\S+\/(?:issues|browse|issue)\/[\w-]+/;

/**
 * The ticket an action item at `line` (1-based) already carries: its Ticket/Issue/Bug/Jira cell, or
 * an `ABC-123` or issue link in its text (a markdown link gives its address). Null when it has none, so one may be opened for it.
 */
export function readTicketCell(source: string, line: number): string | null {
  const lines = source.split(/\r?\n/);
  const row = lines[line - 1];
  if (row === undefined) return null;
  let delimiter = line - 2;
  while (delimiter > 0 && row.includes('|') && !isDelimiterRow(lines[delimiter]!)) delimiter -= 1;
  if (row.includes('|') && delimiter > 0) {
    const header = splitTableRow(lines[delimiter - 1]!);
    const column = header.findIndex((h) =>
      TICKET_HEADER.test(plainCellText(h).toLowerCase().replace(/[#:]/g, '').trim()),
    );
    const cell = column === -1 ? '' : plainCellText(splitTableRow(row)[column] ?? '').trim();
    // A link `[OPS-1](https://…)` is taken by its address, which says which tracker it is in.
    if (!EMPTY.test(cell)) return /^\[[^\]]*\]\(([^()\s]+)\)$/.exec(cell)?.[1] ?? cell;
  }
  return TICKET_IN_TEXT.exec(row)?.[0] ?? null;
}
