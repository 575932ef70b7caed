import type { Incident } from './incident.ts';
import type { TimelineEntry } from './timeline-entry.ts';

export interface IncidentMetrics {
  /** Minutes from declaration to the first response (a change, a note, a pinned message). */
  toAcknowledge: number | null;
  /** Minutes to the first status at or past the last one before resolved (e.g. mitigated). */
  toMitigate: number | null;
  toResolve: number | null;
}

const minutes = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));

/** Time to acknowledge, mitigate and resolve, from the timeline and the status changes. */
export function computeMetrics(
  incident: Incident,
  entries: TimelineEntry[],
  statuses: readonly string[],
): IncidentMetrics {
  const after = entries.filter((e) => e.kind !== 'declared' && e.at >= incident.declaredAt);
  const firstResponse = after.find((e) => e.kind !== 'message' || e.authorId !== null)?.at ?? null;
  const mitigatedIndex = Math.max(1, statuses.length - 2);
  const mitigated =
    after.find((e) => e.kind === 'status' && e.detail && statuses.indexOf(e.detail.to) >= mitigatedIndex)?.at ??
    incident.resolvedAt;
  return {
    toAcknowledge: firstResponse ? minutes(incident.declaredAt, firstResponse) : null,
    toMitigate: mitigated ? minutes(incident.declaredAt, mitigated) : null,
    toResolve: incident.resolvedAt ? minutes(incident.declaredAt, incident.resolvedAt) : null,
  };
}

/** The seed's Summary sentence, with the metrics in words. */
export function describeMetrics(incident: Incident, metrics: IncidentMetrics): string {
  const services = incident.services.length > 0 ? ` affecting ${incident.services.join(', ')}` : '';
  const lasted =
    metrics.toResolve === null
      ? 'The incident is still open.'
      : `The incident lasted approximately ${metrics.toResolve} minute${metrics.toResolve === 1 ? '' : 's'}.`;
  const parts = [
    metrics.toAcknowledge !== null ? `acknowledged after ${metrics.toAcknowledge} min` : null,
    metrics.toMitigate !== null ? `mitigated after ${metrics.toMitigate} min` : null,
    metrics.toResolve !== null ? `resolved after ${metrics.toResolve} min` : null,
  ].filter(Boolean);
  const day = incident.declaredAt.slice(0, 10);
  return `On ${day}, ${incident.title}${services}. ${lasted}${parts.length > 0 ? ` It was ${parts.join(', ')}.` : ''}`;
}
