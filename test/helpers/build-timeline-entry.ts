import { messageKey, normalizeTs, type TimelineEntry, tsToIso } from '#domain/timeline-entry.ts';

/** A complete message entry of `inc-1` (a message in CINC1 at `ts`), or a note when `kind` says so. */
export function buildTimelineEntry(overrides: Partial<TimelineEntry> & { ts?: string } = {}): TimelineEntry {
  const { ts = '1901784600.000100', ...rest } = overrides;
  const channel = 'CINC1';
  return {
    incidentId: 'inc-1',
    key: messageKey(channel, ts),
    kind: 'message',
    at: tsToIso(ts),
    sortKey: normalizeTs(ts),
    authorId: 'UBOB',
    authorName: 'bob',
    text: 'Rolled back the deploy',
    permalink: null,
    pending: false,
    ...rest,
  };
}
