export type TimelineKind =
  | 'message'
  | 'note'
  | 'declared'
  | 'severity'
  | 'status'
  | 'role'
  | 'services'
  | 'action'
  | 'resolved'
  | 'started'
  | 'acknowledged'
  | 'reopened'
  | 'update';

/**
 * One line of an incident's timeline. `key` is its identity: `msg:<channel>:<ts>` for a message, so a
 * second reaction, a redelivered event or a restart can never add it twice.
 */
export interface TimelineEntry {
  incidentId: string;
  key: string;
  kind: TimelineKind;
  /** When it happened: the message's own time for messages, never the time it was saved. */
  at: string;
  /** Slack ts-style sort key (`1744044420.000100`), finer than `at`. */
  sortKey: string;
  authorId: string | null;
  authorName: string | null;
  text: string;
  permalink: string | null;
  /** True while the message text and permalink are still being fetched. */
  pending: boolean;
  /** For recorded changes: what changed, e.g. `{"from":"investigating","to":"identified"}`. */
  detail?: { from?: string; to: string; role?: string } | undefined;
}

export function messageKey(channel: string, ts: string): string {
  return `msg:${channel}:${ts}`;
}

/** Slack's `1744044420.000100` as an ISO instant (millisecond precision). */
export function tsToIso(ts: string): string {
  const [seconds = '0', micros = '0'] = ts.split('.');
  return new Date(Number(seconds) * 1000 + Math.floor(Number(micros.padEnd(6, '0')) / 1000)).toISOString();
}

/** An ISO instant as a ts-style sort key, so notes and messages interleave correctly. */
export function isoToSortKey(iso: string, tieBreak = 0): string {
  const ms = Date.parse(iso);
  const seconds = Math.floor(ms / 1000);
  const micros = (ms % 1000) * 1000 + (tieBreak % 1000);
  return `${seconds}.${String(micros).padStart(6, '0')}`;
}

export function normalizeTs(ts: string): string {
  const [seconds = '0', micros = '0'] = ts.split('.');
  return `${seconds}.${micros.padEnd(6, '0').slice(0, 6)}`;
}
