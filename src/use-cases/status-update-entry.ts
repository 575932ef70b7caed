import type { TimelineEntry } from '#domain/timeline-entry.ts';
import { isoToSortKey } from '#domain/timeline-entry.ts';
import type { PendingUpdate } from '#src/ports/update-outbox.ts';

/** A status update's own timeline entry (kind `update`, the next update's time in `detail.to`). */
export function statusUpdateEntry(pending: PendingUpdate): TimelineEntry {
  const { update } = pending;
  return {
    incidentId: pending.incidentId,
    key: `update:${pending.key}`,
    kind: 'update',
    at: update.at,
    sortKey: isoToSortKey(update.at),
    authorId: update.by,
    authorName: null,
    text: `Status update: ${update.text.slice(0, 3000)}`,
    permalink: null,
    pending: false,
    detail: { to: update.nextAt ?? '' },
  };
}
