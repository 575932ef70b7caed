import type { ActionItemColumns } from './action-item-columns.ts';
import { decodeCellText, plainCellText } from './cell-text.ts';
import { parseDueCell } from './parse-due-cell.ts';
import type { ParsedActionItem, Problem } from './rca-document.ts';

/**
 * A Status cell saying the item needs nothing more: done, or closed without doing it (`Won't fix`,
 * `Cancelled`, `Not doing`, as incident.io and Jira exports write it), which no one should be reminded
 * of either. Not followed by a letter or digit, so `[x]` counts too (a `\b` after `]` never matched).
 */
const DONE_STATUS =
  /^(?:done|closed|fixed|complete[d]?|resolved|finished|merged|shipped|yes|y|✅|✔️?|☑️?|\[x\]|won[’']?t[\s-]?(?:fix|do)|wontfix|cancell?ed|not[\s-]doing|dropped|obsolete|superseded)(?![\p{L}\p{N}])/iu;
/** Cells that mean "not set" (`TBD`, `-`, empty); the renderer escapes text that would read as one. */
export const EMPTY_CELL = /^(?:|-+|—|tbd|tba|n\/?a|none|\?+)$/i;
const STRUCK = /^~~([\s\S]*)~~$/;
/**
 * The SRE book's tables write the state after the bug: `[Bug 123](…) **DONE**`, `n/a **TODO**`. The
 * word is the item's state, not part of the ticket.
 */
const STATE_AFTER_TICKET = /^(.*?)\s*(\*\*|__)?\b(DONE|TODO)\b\2?$/;

export function isDoneStatus(status: string): boolean {
  const text = status.trim();
  // A status badge before the word (`🟢 Done`) is read past.
  const word = text.replace(/^(?:\p{Extended_Pictographic}|\uFE0F|\s)+/u, '');
  return DONE_STATUS.test(word) || /^[✅✔☑]/u.test(text);
}

/** One table row of an action-items table, read the same way by the full parser and the fast scanner. */
export function readActionRow(
  cells: string[],
  columns: ActionItemColumns,
  line: number,
  problems: Problem[],
): ParsedActionItem | null {
  const rawAction = (cells[columns.action] ?? '').trim();
  const struck = STRUCK.exec(rawAction);
  const checkbox = /^\[([ xX])\]\s*/.exec(rawAction);
  let actionRaw = struck ? struck[1]! : rawAction;
  if (checkbox) actionRaw = actionRaw.slice(checkbox[0].length);
  const action = decodeCellText(actionRaw);
  const rest = cells.filter((_, index) => index !== columns.action).map(plainCellText);
  if (action === '' && rest.every((cell) => cell === '')) return null;

  const statusRaw = columns.status === null ? undefined : plainCellText(cells[columns.status] ?? '');
  const ticketState = columns.ticket === null ? null : STATE_AFTER_TICKET.exec((cells[columns.ticket] ?? '').trim());
  const done =
    struck !== null ||
    (checkbox !== null && checkbox[1] !== ' ') ||
    (statusRaw !== undefined ? isDoneStatus(statusRaw) : ticketState?.[3] === 'DONE');
  const priority = columns.priority === null ? null : readOptional(cells[columns.priority]);
  const owner = columns.owner === null ? null : readOptional(cells[columns.owner]);
  const item: ParsedActionItem = { priority, action, owner, due: null, done, line };
  if (statusRaw !== undefined) item.status = statusRaw;
  const ticket = columns.ticket === null ? null : readOptional(ticketState ? ticketState[1] : cells[columns.ticket]);
  if (ticket !== null) item.ticket = /^\[[^\]]*\]\(([^()\s]+)\)$/.exec(ticket)?.[1] ?? ticket;

  if (columns.due !== null) {
    const dueText = plainCellText(cells[columns.due] ?? '');
    const due = parseDueCell(dueText);
    item.due = due.due;
    if (due.due === null && 'reason' in due && due.reason !== undefined) {
      item.dueText = dueText;
      problems.push({
        line,
        column: 1,
        severity: 'warning',
        message: `Due date ${due.reason}`,
        rule: 'due-date',
      });
    }
  }
  return item;
}

/** Empty-looking cells (`TBD`, `-`) are "not set"; the test is on the cell as written. */
function readOptional(raw: string | undefined): string | null {
  const written = (raw ?? '').trim().replace(/^(\*\*|__)(.*)\1$/, '$2');
  return EMPTY_CELL.test(written) ? null : decodeCellText(written);
}

export function isTimelineHeading(heading: string): boolean {
  return /\btimeline\b/i.test(heading);
}
