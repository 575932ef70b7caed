import { describeChange } from '#domain/describe-change.ts';
import type { TimelineEntry, TimelineKind } from '#domain/timeline-entry.ts';
import { isoToSortKey } from '#domain/timeline-entry.ts';
import type { RecordChangeDeps } from './deps.ts';
import { publishIncidentEvent } from './publish-incident-event.ts';

/** Records a change the bot saw happen (declare, severity, status, role…) on the timeline, once per key. */
export async function recordChange(
  deps: RecordChangeDeps,
  incidentId: string,
  key: string,
  kind: Exclude<TimelineKind, 'message' | 'note' | 'action' | 'update'>,
  detail: { from?: string; to: string; role?: string; byId: string },
  /** When it happened, when not now (the start of impact, set afterwards). */
  at = deps.clock.now().toISOString(),
): Promise<boolean> {
  const entry: TimelineEntry = {
    incidentId,
    key,
    kind,
    at,
    sortKey: isoToSortKey(at),
    authorId: detail.byId,
    authorName: null,
    text: describeChange[kind]({ ...detail, by: `<@${detail.byId}>` }),
    permalink: null,
    pending: false,
    detail: {
      ...(detail.from !== undefined ? { from: detail.from } : {}),
      to: detail.to,
      ...(detail.role ? { role: detail.role } : {}),
    },
  };
  const added = await deps.store.addTimelineEntry(entry);
  if (added && (kind === 'declared' || kind === 'severity' || kind === 'status' || kind === 'resolved'))
    await publishIncidentEvent(deps, kind, incidentId, key, { ...entry.detail, by: detail.byId });
  return added;
}
