import { describe, expect, it } from 'vitest';
import { ADD_TO_TIMELINE, addToTimelineShortcut } from '#adapters/slack/listeners/add-to-timeline-shortcut.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';
import { answerText } from '../../helpers/build-middleware-args.ts';
import { buildMessageShortcut } from '../../helpers/build-message-shortcut.ts';
import { buildOpenIncident } from '../../helpers/build-open-incident.ts';

describe('the Add to incident timeline shortcut', () => {
  it('acks, then puts the message on the timeline from the shortcut payload', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    bed.chat.names.set('UCAT', 'cat');
    const { args, answers } = buildMessageShortcut(ADD_TO_TIMELINE, { text: 'Error rate is back' });

    await addToTimelineShortcut(buildListenerContext(bed).ctx)(args);

    expect(answers.acks).toEqual([undefined]);
    expect(answers.respond.map(answerText)).toEqual(['Added to the timeline.']);
    expect(await bed.store.getTimelineEntry('msg:CINC1:1901784600.000100')).toMatchObject({
      text: 'Error rate is back',
      authorId: 'UCAT',
      authorName: 'cat',
      pending: false,
    });
    expect(bed.chat.calls).not.toContain('fetchMessage');
  });

  it('says only messages in incident channels go on a timeline', async () => {
    const bed = buildDeps();
    const { args, answers } = buildMessageShortcut(ADD_TO_TIMELINE, { channelId: 'CGENERAL' });

    await addToTimelineShortcut(buildListenerContext(bed).ctx)(args);

    expect(answers.respond.map(answerText)).toEqual([expect.stringContaining('not in an incident channel')]);
  });

  it('answers a failure with a reference to the log', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    bed.chat.failing.set('react', new Error('boom'));
    const { args, answers } = buildMessageShortcut(ADD_TO_TIMELINE);

    await addToTimelineShortcut(buildListenerContext(bed).ctx)(args);

    expect(answerText(answers.respond[0])).toMatch(
      /^Sorry, adding the message to the timeline did not work \(reference/,
    );
  });
});
