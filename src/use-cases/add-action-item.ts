import { calendarDay } from '#domain/calendar-day.ts';
import type { Incident } from '#domain/incident.ts';
import { isResolved } from '#domain/incident.ts';
import { parseRelativeDate } from '#domain/parse-relative-date.ts';
import { parseUserMention } from '#domain/slack-mention.ts';
import { isoToSortKey } from '#domain/timeline-entry.ts';
import type { AddActionItemDeps, Outcome } from './deps.ts';
import { fail, ok } from './deps.ts';

export interface ActionRequest {
  text: string;
  owner: string | null;
  due: string | null;
  priority: string | null;
}

/** `/incident action Add an alert owner:@maria due:next friday P2`: kept for the RCA's Action Items. */
export async function addActionItem(
  deps: AddActionItemDeps,
  incident: Incident,
  request: ActionRequest,
  by: string,
  key: string,
): Promise<Outcome<string>> {
  if (request.due === null) {
    return fail(
      'Give the action a due date, like `due:2025-05-01`, `due:tomorrow`, `due:"in 2 weeks"` or `due:"next friday"`.',
    );
  }
  const now = deps.clock.now();
  const due = parseRelativeDate(request.due, calendarDay(now, deps.config.rca.timeZone));
  if (!due.ok) return fail(due.message);
  const owner = normalizeOwner(request.owner) ?? `<@${by}>`;
  const id = `action:${key}`;
  await deps.store.addActionItem({
    id,
    incidentId: incident.id,
    priority: request.priority,
    action: request.text,
    owner,
    due: due.date,
    done: false,
    createdAt: now.toISOString(),
  });
  await deps.store.addTimelineEntry({
    incidentId: incident.id,
    key: id,
    kind: 'action',
    at: now.toISOString(),
    sortKey: isoToSortKey(now.toISOString()),
    authorId: by,
    authorName: null,
    text: `Action item: ${request.text} (owner ${owner}, due ${due.date})`,
    permalink: null,
    pending: false,
  });
  // After resolve the RCA exists: refresh it so the item is in it (and, with a tracker, gets its issue).
  if (isResolved(incident, deps.config.incident.statuses)) await deps.onRcaRequested(incident.id, by);
  return ok(`Action item added: ${request.text}, owner ${owner}, due ${due.date}.`);
}

/** `<@U123|maria>` becomes `<@U123>`; anything else (a team name, @handle, email) is kept as written. */
function normalizeOwner(owner: string | null): string | null {
  if (owner === null || owner.trim() === '') return null;
  const id = parseUserMention(owner.trim());
  return id ? `<@${id}>` : owner.trim();
}
