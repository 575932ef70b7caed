import { describe, expect, it } from 'vitest';
import { fillPermalinks } from '#use-cases/fill-permalinks.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';
import { buildTimelineEntry } from '../helpers/build-timeline-entry.ts';

describe('fillPermalinks', () => {
  it('fills the permalinks message entries lack, and only those', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await bed.store.addTimelineEntry(buildTimelineEntry({ ts: '1901784600.000100' }));
    await bed.store.addTimelineEntry(buildTimelineEntry({ ts: '1901784610.000100', permalink: 'https://kept' }));
    await bed.store.addTimelineEntry(buildTimelineEntry({ key: 'note:T1', kind: 'note' }));

    const filled = await fillPermalinks(bed.deps, 'inc-1');

    expect(filled).toBe(1);
    const links = (await bed.store.listTimeline('inc-1')).map((e) => [e.key, e.permalink]);
    expect(links).toEqual([
      ['msg:CINC1:1901784600.000100', 'https://example.slack.com/archives/CINC1/p1901784600000100'],
      ['note:T1', null],
      ['msg:CINC1:1901784610.000100', 'https://kept'],
    ]);
  });

  it('goes on without a link Slack cannot give, and logs it', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await bed.store.addTimelineEntry(buildTimelineEntry());
    bed.chat.failing.set('permalink', new Error('message_not_found'));

    expect(await fillPermalinks(bed.deps, 'inc-1')).toBe(0);
    expect(bed.logs.map((l) => l.msg)).toContain('no permalink for a timeline entry');
  });
});
