import { plainCellText } from './cell-text.ts';
import { isDelimiterRow, splitTableRow } from './split-table-row.ts';

export type SetTicketResult = { ok: true; text: string } | { ok: false; reason: string };

/** The headers a team's ticket column goes by (the same names the RCA reader takes a ticket from). */
const TICKET_HEADER = /^(?:tickets?|issues?|bugs?|jira|tracking)$/;
const EMPTY = /^(?:|-+|—|tbd|tba|n\/?a|none|\?+)$/i;

/**
 * Writes a tracker issue into the action-item row at `line` (1-based): into its table's Ticket column,
 * which is added (header, delimiter and an empty cell in every other row) when the table has none; a
 * task-list item gets the link after its text. A ticket already written there is kept, never replaced.
 * No line is added or removed, so the other items' line numbers stay as they were.
 */
export function setTicketCell(
  source: string,
  line: number,
  ticket: { key: string; url: string | null },
): SetTicketResult {
  const crlf = source.includes('\r\n');
  const lines = source.split(/\r?\n/);
  const index = line - 1;
  const row = lines[index];
  if (row === undefined) return { ok: false, reason: 'That action item is no longer in the file.' };
  const cell = ticket.url ? `[${escapeCell(ticket.key)}](${ticket.url})` : escapeCell(ticket.key);
  const task = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]\s+/.exec(row);
  if (task) {
    if (row.includes(ticket.key) || (ticket.url && row.includes(ticket.url))) return { ok: true, text: source };
    lines[index] = `${row.trimEnd()} (${cell})`;
    return { ok: true, text: lines.join(crlf ? '\r\n' : '\n') };
  }
  let delimiter = index - 1;
  while (delimiter > 0 && !isDelimiterRow(lines[delimiter]!)) delimiter -= 1;
  if (delimiter < 1 || !lines[index]!.includes('|'))
    return { ok: false, reason: 'I could not find the table that action item is in.' };
  const header = splitTableRow(lines[delimiter - 1]!);
  let column = header.findIndex((h) => TICKET_HEADER.test(plainCellText(h).toLowerCase().replace(/[#:]/g, '').trim()));
  if (column === -1) {
    column = header.length;
    lines[delimiter - 1] = buildRow([...header, 'Ticket']);
    lines[delimiter] = buildRow([...splitTableRow(lines[delimiter]!), '---']);
    for (let i = delimiter + 1; i < lines.length && isTableRow(lines[i]!); i += 1)
      lines[i] = buildRow(padTo(splitTableRow(lines[i]!), header.length + 1));
  }
  const cells = padTo(splitTableRow(lines[index]!), Math.max(header.length, column + 1));
  if (!EMPTY.test(plainCellText(cells[column] ?? '').trim()))
    return { ok: true, text: lines.join(crlf ? '\r\n' : '\n') };
  cells[column] = cell;
  lines[index] = buildRow(cells);
  return { ok: true, text: lines.join(crlf ? '\r\n' : '\n') };
}

const isTableRow = (line: string) => line.trim() !== '' && line.includes('|');
const padTo = (cells: string[], length: number) => [...cells, ...Array(Math.max(0, length - cells.length)).fill('')];
const buildRow = (cells: string[]) => `| ${cells.join(' | ')} |`.replace(/ {2}\|/g, ' |');
const escapeCell = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
