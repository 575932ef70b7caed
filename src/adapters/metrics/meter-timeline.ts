import type { TimelineStore } from '#src/ports.ts';
import type { Metrics } from './create-metrics.ts';

/** The timeline, counting each entry it adds in `scribe_timeline_entries_total` (a redelivery adds none). */
export function meterTimeline(inner: TimelineStore, metrics: Pick<Metrics, 'timelineEntries'>): TimelineStore {
  return {
    async addTimelineEntry(entry) {
      const added = await inner.addTimelineEntry(entry);
      if (added) metrics.timelineEntries.inc();
      return added;
    },
    updateTimelineEntry: (key, patch) => inner.updateTimelineEntry(key, patch),
    removeTimelineEntry: (key) => inner.removeTimelineEntry(key),
    getTimelineEntry: (key) => inner.getTimelineEntry(key),
    listTimeline: (incidentId) => inner.listTimeline(incidentId),
    addReactor: (messageKey, userId) => inner.addReactor(messageKey, userId),
    removeReactor: (messageKey, userId) => inner.removeReactor(messageKey, userId),
    clearReactors: (messageKey) => inner.clearReactors(messageKey),
  };
}
