import { describe, expect, it } from 'vitest';
import type { Incident } from '#domain/incident.ts';
import { computeMetrics } from '#domain/incident-metrics.ts';
import type { TimelineEntry } from '#domain/timeline-entry.ts';

const STATUSES = ['investigating', 'identified', 'mitigated', 'resolved'];
const incident = (resolvedAt: string | null) =>
  ({ declaredAt: '2025-04-07T14:00:00.000Z', declaredBy: 'UANA', resolvedAt }) as Incident;
const entry = (kind: TimelineEntry['kind'], at: string, to = ''): TimelineEntry => ({
  incidentId: 'inc-1',
  key: `${kind}:${at}`,
  kind,
  at: `2025-04-07T${at}:00.000Z`,
  sortKey: at,
  authorId: 'UANA',
  authorName: null,
  text: kind,
  permalink: null,
  pending: false,
  detail: { to },
});

describe('metrics around a reopening', () => {
  const firstRound = [entry('declared', '14:00'), entry('status', '14:30', 'mitigated'), entry('resolved', '14:40')];

  it('measures the first resolution as the resolution while the incident was never reopened', () => {
    expect(computeMetrics(incident('2025-04-07T14:40:00.000Z'), firstRound, STATUSES)).toMatchObject({
      toMitigate: 30,
      toResolve: 40,
      toFirstResolve: null,
    });
  });

  it('has no time to mitigate or resolve once reopened, and keeps the first resolution', () => {
    const entries = [...firstRound, entry('reopened', '15:00', 'investigating')];

    expect(computeMetrics(incident(null), entries, STATUSES)).toMatchObject({
      toMitigate: null,
      toResolve: null,
      toFirstResolve: 40,
    });
  });

  it('takes the mitigation after the reopening once resolved again', () => {
    const entries = [
      ...firstRound,
      entry('reopened', '15:00', 'investigating'),
      entry('status', '15:20', 'mitigated'),
      entry('resolved', '15:30'),
    ];

    expect(computeMetrics(incident('2025-04-07T15:30:00.000Z'), entries, STATUSES)).toMatchObject({
      toMitigate: 80,
      toResolve: 90,
      toFirstResolve: 40,
    });
  });
});
