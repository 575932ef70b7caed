import type { Incident } from '#domain/incident.ts';
import type { TimelineEntry } from '#domain/timeline-entry.ts';

/** An open incident with its channel, for the contract suites. */
export const anIncident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-1',
  title: 'Checkout latency | 🔥',
  severity: 'P2',
  status: 'investigating',
  channelId: 'C1',
  channelName: 'inc-2025-04-07-checkout-latency',
  summaryTs: null,
  declaredBy: 'U1',
  declaredAt: '2025-04-07T16:47:00.000Z',
  resolvedAt: null,
  roles: { lead: 'U1' },
  services: ['checkout'],
  summary: '',
  rootCause: '',
  impact: '',
  resolution: '',
  rcaPath: null,
  ...over,
});

/** A pinned message still waiting for its text, for the contract suites. */
export const anEntry = (over: Partial<TimelineEntry> = {}): TimelineEntry => ({
  incidentId: 'inc-1',
  key: 'msg:C1:1744044420.000100',
  kind: 'message',
  at: '2025-04-07T16:47:00.000Z',
  sortKey: '1744044420.000100',
  authorId: 'U2',
  authorName: null,
  text: 'DB failover started',
  permalink: null,
  pending: true,
  ...over,
});
