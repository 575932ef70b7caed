import { describe, expect, it } from 'vitest';
import { UPDATE_MODAL_ID } from '#adapters/slack/blocks/update-modal.ts';
import { updateModalSubmitted } from '#adapters/slack/listeners/update-modal-submitted.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';
import { buildOpenIncident } from '../../helpers/build-open-incident.ts';
import { buildViewSubmission } from '../../helpers/build-view-submission.ts';

const form = (fields: Record<string, string | { option: string } | null>, userId = 'UANA') =>
  buildViewSubmission({
    callbackId: UPDATE_MODAL_ID,
    privateMetadata: { incidentId: 'inc-1' },
    userId,
    fields,
    viewId: 'VUP1',
  });

describe('the status-update form submitted', () => {
  it('posts the update with the status and next update the form says', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    const { ctx, updates } = buildListenerContext(bed);

    await updateModalSubmitted(ctx)(
      form({ text: 'Fix deployed', status: { option: 'identified' }, next: { option: '15m' } }).args,
    );

    expect(updates.published).toEqual([
      expect.objectContaining({
        update: expect.objectContaining({ text: 'Fix deployed', nextAt: '2030-04-07T10:15:00.000Z' }),
        channels: ['CINC1'],
      }),
    ]);
    expect((await bed.store.getIncident('inc-1'))?.status).toBe('identified');
    expect(await bed.store.getTimelineEntry('update:VUP1')).not.toBeNull();
  });

  it('tells the person privately what was wrong with it', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    const { ctx, updates } = buildListenerContext(bed);

    await updateModalSubmitted(ctx)(form({ text: '', status: { option: 'investigating' }, next: null }).args);

    expect(bed.chat.ephemerals.map((e) => [e.userId, e.message.text])).toEqual([
      ['UANA', expect.stringContaining('Write the update')],
    ]);
    expect(updates.published).toEqual([]);
  });

  it('refuses a person outside the channel', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    const { ctx, updates } = buildListenerContext(bed);

    await updateModalSubmitted(ctx)(form({ text: 'Hi', status: null, next: null }, 'UOUT').args);

    expect(bed.chat.ephemerals.map((e) => e.message.text)).toEqual([expect.stringContaining('Join the channel first')]);
    expect(updates.published).toEqual([]);
  });
});
