import type { Incident } from './incident.ts';
import type { TimelineEntry } from './timeline-entry.ts';

/** The moments the metrics are measured between (ISO instants; null: not reached yet). */
export interface IncidentTimes {
  /** When impact began: `/incident started`, or the declaration. */
  started: string;
  /** The declaration. */
  detected: string;
  /** `/incident ack`, or the first thing someone other than the declarer did on the incident. */
  acknowledged: string | null;
  /**
   * The first status at or past the last one before resolved (e.g. mitigated), since the incident was
   * last reopened: a mitigation that did not hold is not the mitigation.
   */
  mitigated: string | null;
  resolved: string | null;
  /** The first resolution, when the incident was reopened after it (null otherwise). */
  firstResolved: string | null;
}

export interface IncidentMetrics {
  /** Minutes from the start of impact to the declaration. */
  toDetect: number;
  /** Minutes from the declaration to the acknowledgement. */
  toAcknowledge: number | null;
  /** Minutes from the start of impact to mitigation. */
  toMitigate: number | null;
  /** Minutes from the start of impact to resolution (also `duration_minutes`). */
  toResolve: number | null;
  /** Minutes from the start of impact to the first resolution, when the incident was reopened. */
  toFirstResolve: number | null;
}

const minutes = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));

/** The metric times, from the incident and its timeline. */
export function incidentTimes(
  incident: Incident,
  entries: TimelineEntry[],
  statuses: readonly string[],
): IncidentTimes {
  const started = entries.filter((e) => e.kind === 'started').at(-1)?.detail?.to ?? incident.declaredAt;
  const acknowledged =
    entries.find(
      (e) =>
        e.kind === 'acknowledged' ||
        (e.kind !== 'declared' &&
          e.kind !== 'started' &&
          e.authorId !== null &&
          e.authorId !== incident.declaredBy &&
          e.at >= incident.declaredAt),
    )?.at ?? null;
  const mitigatedIndex = Math.max(1, statuses.length - 2);
  const reopenedAt = entries.filter((e) => e.kind === 'reopened').at(-1)?.at ?? null;
  const since = reopenedAt === null ? entries : entries.filter((e) => e.at >= reopenedAt && e.kind !== 'reopened');
  const resolved = incident.resolvedAt;
  // Reopened and not resolved again: nothing is mitigated now.
  const mitigated =
    reopenedAt !== null && resolved === null
      ? null
      : (since.find((e) => e.kind === 'status' && e.detail && statuses.indexOf(e.detail.to) >= mitigatedIndex)?.at ??
        since.find((e) => e.kind === 'resolved')?.at ??
        resolved);
  const firstResolved = reopenedAt === null ? null : (entries.find((e) => e.kind === 'resolved')?.at ?? null);
  return { started, detected: incident.declaredAt, acknowledged, mitigated, resolved, firstResolved };
}

/** Time to detect, acknowledge, mitigate and resolve, in minutes. */
export function computeMetrics(
  incident: Incident,
  entries: TimelineEntry[],
  statuses: readonly string[],
): IncidentMetrics {
  const t = incidentTimes(incident, entries, statuses);
  return {
    toDetect: minutes(t.started, t.detected),
    toAcknowledge: t.acknowledged ? minutes(t.detected, t.acknowledged) : null,
    toMitigate: t.mitigated ? minutes(t.started, t.mitigated) : null,
    toResolve: t.resolved ? minutes(t.started, t.resolved) : null,
    toFirstResolve: t.firstResolved ? minutes(t.started, t.firstResolved) : null,
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
    metrics.toDetect > 0 ? `detected after ${metrics.toDetect} min` : null,
    metrics.toAcknowledge !== null ? `acknowledged ${metrics.toAcknowledge} min after detection` : null,
    metrics.toMitigate !== null ? `mitigated after ${metrics.toMitigate} min` : null,
    metrics.toResolve !== null ? `resolved after ${metrics.toResolve} min` : null,
  ].filter(Boolean);
  const day = incident.declaredAt.slice(0, 10);
  return `On ${day}, ${incident.title}${services}. ${lasted}${parts.length > 0 ? ` It was ${parts.join(', ')}.` : ''}`;
}
