import { describe, expect, it } from 'vitest';
import { addNote } from '#use-cases/add-note.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

describe('addNote', () => {
  it('adds a note at the time of the command, with its author name, and publishes it', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);
    bed.chat.names.set('UBOB', 'bob');

    await addNote(bed.deps, incident, 'Paged the DB team', 'UBOB', 'T1');

    expect(await bed.store.getTimelineEntry('note:T1')).toMatchObject({
      kind: 'note',
      text: 'Paged the DB team',
      authorId: 'UBOB',
      authorName: 'bob',
      at: '2030-04-07T10:00:00.000Z',
      sortKey: '1901786400.000000',
    });
    expect(bed.events.published.map((e) => [e.kind, e.detail.text])).toEqual([['update', 'Paged the DB team']]);
  });

  it('adds a redelivered command once', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    await addNote(bed.deps, incident, 'Once', 'UBOB', 'T1');
    await addNote(bed.deps, incident, 'Once', 'UBOB', 'T1');

    expect(await bed.store.listTimeline('inc-1')).toHaveLength(1);
    expect(bed.events.published).toHaveLength(1);
  });

  it('keeps at most 3000 characters', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    await addNote(bed.deps, incident, 'x'.repeat(5000), 'UBOB', 'T1');

    expect((await bed.store.getTimelineEntry('note:T1'))?.text).toHaveLength(3000);
  });
});
