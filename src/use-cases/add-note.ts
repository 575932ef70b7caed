import type { Incident } from '#domain/incident.ts';
import { isoToSortKey } from '#domain/timeline-entry.ts';
import type { AddNoteDeps } from './deps.ts';
import { publishIncidentEvent } from './publish-incident-event.ts';

/** `/incident note …`: a timeline line at the time of the command, once per request key. */
export async function addNote(
  deps: AddNoteDeps,
  incident: Incident,
  text: string,
  by: string,
  key: string,
): Promise<void> {
  const at = deps.clock.now().toISOString();
  const added = await deps.store.addTimelineEntry({
    incidentId: incident.id,
    key: `note:${key}`,
    kind: 'note',
    at,
    sortKey: isoToSortKey(at),
    authorId: by,
    authorName: await deps.chat.userName(by),
    text: text.slice(0, 3000),
    permalink: null,
    pending: false,
  });
  if (added) await publishIncidentEvent(deps, 'update', incident.id, `note:${key}`, { text: text.slice(0, 3000), by });
}
