import { findActionItemColumns } from './action-item-columns.ts';
import { plainCellText } from './cell-text.ts';
import { findTable } from './find-table.ts';
import { EMPTY_CELL } from './read-action-item.ts';
import { splitTableRow } from './split-table-row.ts';

export type SetTicketResult = { ok: true; text: string } | { ok: false; reason: string };

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
  // The table as the line walker finds it; its ticket column by the names the RCA reader takes a ticket from.
  const table = findTable(lines, index);
  const header = table === null ? [] : splitTableRow(lines[table.start]!);
  const columns = findActionItemColumns(header);
  if (table === null || columns === null)
    return { ok: false, reason: 'I could not find the table that action item is in.' };
  let column = columns.ticket ?? -1;
  if (column === -1) {
    const delimiter = table.start + 1;
    column = header.length;
    lines[table.start] = buildRow([...header, 'Ticket']);
    lines[delimiter] = buildRow([...splitTableRow(lines[delimiter]!), '---']);
    for (let i = delimiter + 1; i < table.end; i += 1)
      lines[i] = buildRow(padTo(splitTableRow(lines[i]!), header.length + 1));
  }
  const cells = padTo(splitTableRow(lines[index]!), Math.max(header.length, column + 1));
  if (!EMPTY_CELL.test(plainCellText(cells[column] ?? '').trim()))
    return { ok: true, text: lines.join(crlf ? '\r\n' : '\n') };
  cells[column] = cell;
  lines[index] = buildRow(cells);
  return { ok: true, text: lines.join(crlf ? '\r\n' : '\n') };
}

const padTo = (cells: string[], length: number) => [...cells, ...Array(Math.max(0, length - cells.length)).fill('')];
const buildRow = (cells: string[]) => `| ${cells.join(' | ')} |`.replace(/ {2}\|/g, ' |');
const escapeCell = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
