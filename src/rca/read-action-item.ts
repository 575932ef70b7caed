import type { ActionItemColumns } from './action-item-columns.ts';
import { decodeCellText, plainCellText } from './cell-text.ts';
import { parseDueCell } from './parse-due-cell.ts';
import type { ParsedActionItem, Problem } from './rca-document.ts';

const DONE_STATUS = /^(?:done|closed|fixed|complete[d]?|resolved|finished|merged|shipped|yes|y|✅|✔️?|☑️?|\[x\])\b/iu;
/** Cells that mean "not set" (`TBD`, `-`, empty); the renderer escapes text that would read as one. */
export const EMPTY_CELL = /^(?:|-+|—|tbd|tba|n\/?a|none|\?+)$/i;
const STRUCK = /^~~([\s\S]*)~~$/;

export function isDoneStatus(status: string): boolean {
  return DONE_STATUS.test(status.trim()) || /^[✅✔☑]/u.test(status.trim());
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
  const done =
    struck !== null ||
    (checkbox !== null && checkbox[1] !== ' ') ||
    (statusRaw !== undefined && isDoneStatus(statusRaw));
  const priority = columns.priority === null ? null : readOptional(cells[columns.priority]);
  const owner = columns.owner === null ? null : readOptional(cells[columns.owner]);
  const item: ParsedActionItem = { priority, action, owner, due: null, done, line };
  if (statusRaw !== undefined) item.status = statusRaw;

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

/**
 * A task-list line: `- [ ] Add alert for X (@owner, due 2025-05-01, P1)`.
 * `text` is the item's raw markdown after the checkbox.
 */
export function readTaskItem(text: string, checked: boolean, line: number, problems: Problem[]): ParsedActionItem {
  let body = text.trim();
  let owner: string | null = null;
  let due: string | null = null;
  let priority: string | null = null;
  let dueText: string | undefined;
  const meta = /\s*\(([^()]*)\)\s*$/.exec(body);
  if (meta && /(^|,)\s*(@|due\b|owner\b|p\d\b)/i.test(meta[1]!)) {
    body = body.slice(0, meta.index);
    for (const part of meta[1]!.split(/,(?!\s*\d{4}\b)/).map((p) => p.trim())) {
      const dueMatch = /^due:?\s*(.*)$/i.exec(part);
      if (dueMatch) {
        const parsed = parseDueCell(dueMatch[1]!);
        due = parsed.due;
        if (parsed.due === null && 'reason' in parsed && parsed.reason !== undefined) {
          dueText = dueMatch[1]!;
          problems.push({
            line,
            column: 1,
            severity: 'warning',
            message: `Due date ${parsed.reason}`,
            rule: 'due-date',
          });
        }
      } else if (/^p\d$/i.test(part)) priority = part.toUpperCase();
      else if (part.startsWith('@')) owner = part;
      else if (/^owner:?\s*/i.test(part)) owner = part.replace(/^owner:?\s*/i, '');
    }
  }
  const leadingPriority = /^\[?(P\d)\]?[:\s]\s*/i.exec(body);
  if (leadingPriority && priority === null) {
    priority = leadingPriority[1]!.toUpperCase();
    body = body.slice(leadingPriority[0].length);
  }
  const struck = STRUCK.exec(body.trim());
  const item: ParsedActionItem = {
    priority,
    action: decodeCellText(struck ? struck[1]! : body),
    owner,
    due,
    done: checked || struck !== null,
    line,
  };
  if (dueText !== undefined) item.dueText = dueText;
  return item;
}

/** Headings whose section holds action items. */
export function isActionItemsHeading(heading: string): boolean {
  return /\b(?:action items?|actions?|follow[- ]?ups?|corrective actions?|remediation(?: items)?|next steps)\b/i.test(
    heading,
  );
}

export function isTimelineHeading(heading: string): boolean {
  return /\btimeline\b/i.test(heading);
}
