import { plainCellText } from './cell-text.ts';
import type { Problem } from './rca-document.ts';

/** Where each field sits in an action-items table, whatever the team called its columns. */
export interface ActionItemColumns {
  action: number;
  owner: number | null;
  due: number | null;
  priority: number | null;
  status: number | null;
  ticket: number | null;
}

type Field = keyof ActionItemColumns;

const HEADER_NAMES: Record<Field, RegExp> = {
  action: /^(?:actions?(?: items?)?|tasks?|items?|description|what|follow[- ]?ups?|remediation)$/,
  owner: /^(?:owners?|who|assignees?|assigned(?: to)?|responsible|dri)$/,
  due: /^(?:due(?: date| by| on)?|deadline|target(?: date)?|eta|when|by when)$/,
  priority: /^(?:priority|prio|pri|p|severity)$/,
  status: /^(?:status|state|done|complete[d]?)$/,
  ticket: /^(?:tickets?|issues?|bugs?|jira|tracking)$/,
};

export function findActionItemColumns(headerCells: string[]): ActionItemColumns | null {
  const found: Partial<Record<Field, number>> = {};
  headerCells.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    for (const field of Object.keys(HEADER_NAMES) as Field[]) {
      if (found[field] === undefined && HEADER_NAMES[field].test(name)) {
        found[field] = index;
        return;
      }
    }
  });
  if (found.action === undefined) return null;
  return {
    action: found.action,
    owner: found.owner ?? null,
    due: found.due ?? null,
    priority: found.priority ?? null,
    status: found.status ?? null,
    ticket: found.ticket ?? null,
  };
}

/**
 * The warning for a table under an Action Items heading that names no action column: its rows would
 * otherwise be skipped without a word, and never reminded.
 */
export function noActionColumnProblem(line: number, rows: number): Problem {
  return {
    line,
    column: 1,
    severity: 'warning',
    message: `This Action Items table has no action column, so its ${rows} row${rows === 1 ? ' is' : 's are'} not read as action items; name the column "Action" (or Action Item, Task, Item, Description)`,
    rule: 'action-columns',
  };
}

function normalizeHeader(cell: string): string {
  return plainCellText(cell)
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[#:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Timeline tables: a time column and an event column. */
export function findTimelineColumns(headerCells: string[]): { time: number; event: number } | null {
  const names = headerCells.map(normalizeHeader);
  const time = names.findIndex((n) => /^(?:time|timestamp|when|date(?: ?\/ ?time)?|date and time)$/.test(n));
  const event = names.findIndex((n) =>
    /^(?:events?|description|what happened|what|details?|action|activity|notes?)$/.test(n),
  );
  return time === -1 || event === -1 ? null : { time, event };
}
