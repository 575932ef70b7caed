import { describe, expect, it } from 'vitest';
import { RESOLVE_MODAL_ID } from '#adapters/slack/blocks/resolve-modal.ts';
import { resolveModalSubmitted } from '#adapters/slack/listeners/resolve-modal-submitted.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';
import { buildOpenIncident } from '../../helpers/build-open-incident.ts';
import { buildViewSubmission } from '../../helpers/build-view-submission.ts';

const form = (userId = 'UANA') =>
  buildViewSubmission({
    callbackId: RESOLVE_MODAL_ID,
    privateMetadata: { incidentId: 'inc-1' },
    userId,
    fields: { summary: 'Slow checkout', rootCause: ' A bad deploy ', impact: '', resolution: 'Rolled back' },
  });

describe('the resolve form submitted', () => {
  it('resolves with what people wrote and asks for the RCA', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    const { args, answers } = form();

    await resolveModalSubmitted(buildListenerContext(bed).ctx)(args);

    expect(answers.acks).toEqual([undefined]);
    expect(await bed.store.getIncident('inc-1')).toMatchObject({
      status: 'resolved',
      summary: 'Slow checkout',
      rootCause: 'A bad deploy',
      resolution: 'Rolled back',
    });
    expect(bed.rcaRequests).toHaveLength(1);
  });

  it('tells a person outside the channel, privately, and resolves nothing', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    await resolveModalSubmitted(buildListenerContext(bed).ctx)(form('UOUT').args);

    expect(bed.chat.ephemerals).toEqual([
      { channelId: 'CINC1', userId: 'UOUT', message: { text: expect.stringContaining('Only people in <#CINC1>') } },
    ]);
    expect((await bed.store.getIncident('inc-1'))?.status).toBe('investigating');
  });

  it('says so when the incident was resolved meanwhile', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed, { status: 'resolved' });

    await resolveModalSubmitted(buildListenerContext(bed).ctx)(form().args);

    expect(bed.chat.ephemerals.map((e) => e.message.text)).toEqual([expect.stringContaining('already resolved')]);
  });
});
