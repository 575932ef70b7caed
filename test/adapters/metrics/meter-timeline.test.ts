import { describe, expect, it } from 'vitest';
import { createMetrics } from '#adapters/metrics/create-metrics.ts';
import { meterTimeline } from '#adapters/metrics/meter-timeline.ts';
import type { Incident } from '#domain/incident.ts';
import type { TimelineEntry } from '#domain/timeline-entry.ts';
import { overlay } from '#src/app/overlay.ts';
import { sqliteFactory } from '../../helpers/stores.ts';

const incident: Incident = {
  id: 'inc-1',
  title: 'Checkout latency',
  severity: 'P2',
  status: 'investigating',
  channelId: 'C1',
  channelName: 'inc-2025-04-07-checkout-latency',
  summaryTs: null,
  declaredBy: 'U1',
  declaredAt: '2025-04-07T16:47:00.000Z',
  resolvedAt: null,
  roles: { lead: 'U1' },
  services: [],
  summary: '',
  rootCause: '',
  impact: '',
  resolution: '',
  rcaPath: null,
};

const entry = (key: string): TimelineEntry => ({
  incidentId: 'inc-1',
  key,
  kind: 'message',
  at: '2025-04-07T16:47:00.000Z',
  sortKey: key.slice(-17),
  authorId: 'U2',
  authorName: null,
  text: `said at ${key}`,
  permalink: null,
  pending: false,
});

const counted = async (metrics: ReturnType<typeof createMetrics>) =>
  (await metrics.registry.getSingleMetric('scribe_timeline_entries_total')!.get()).values[0]?.value;

describe('meterTimeline', () => {
  it('counts the entries it adds, not the ones the store already had', async () => {
    const { store } = await sqliteFactory.create();
    await store.createIncident(incident);
    const metrics = createMetrics();
    const timeline = meterTimeline(store, metrics);

    const added = [
      await timeline.addTimelineEntry(entry('msg:C1:1744044420.000100')),
      await timeline.addTimelineEntry(entry('msg:C1:1744044420.000100')),
      await timeline.addTimelineEntry(entry('msg:C1:1744044480.000200')),
    ];

    expect(added).toEqual([true, false, true]);
    expect(await counted(metrics)).toBe(2);
    expect((await timeline.listTimeline('inc-1')).map((e) => e.key)).toEqual([
      'msg:C1:1744044420.000100',
      'msg:C1:1744044480.000200',
    ]);
    await store.close();
  });

  it('passes every other timeline call through to the store', async () => {
    const { store } = await sqliteFactory.create();
    await store.createIncident(incident);
    const metrics = createMetrics();
    const timeline = meterTimeline(store, metrics);
    await timeline.addTimelineEntry(entry('msg:C1:1744044420.000100'));

    await timeline.updateTimelineEntry('msg:C1:1744044420.000100', { text: 'edited' });
    await timeline.addReactor('msg:C1:1744044420.000100', 'U3');
    await timeline.addReactor('msg:C1:1744044420.000100', 'U4');

    expect((await store.getTimelineEntry('msg:C1:1744044420.000100'))?.text).toBe('edited');
    expect(await timeline.removeReactor('msg:C1:1744044420.000100', 'U3')).toBe(1);
    expect(await timeline.removeTimelineEntry('msg:C1:1744044420.000100')).toBe(true);
    expect(await store.getTimelineEntry('msg:C1:1744044420.000100')).toBeNull();
    await store.close();
  });

  it('takes the place of the store’s timeline through overlay, the rest of the store unchanged', async () => {
    const { store } = await sqliteFactory.create();
    const metrics = createMetrics();
    const metered = overlay(store, meterTimeline(store, metrics));

    await metered.createIncident(incident);
    await metered.addTimelineEntry(entry('msg:C1:1744044420.000100'));
    const locked = await metered.withLock('rca-repository', async () => 'ran');

    expect(await counted(metrics)).toBe(1);
    expect(locked).toBe('ran');
    expect((await store.getIncident('inc-1'))?.title).toBe('Checkout latency');
    expect(metered.kind).toBe('sqlite');
    await metered.close();
  });
});
