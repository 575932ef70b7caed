import { describe, expect, it } from 'vitest';
import { DECLARE_MODAL_ID } from '#adapters/slack/blocks/declare-modal.ts';
import { declareModalSubmitted } from '#adapters/slack/listeners/declare-modal-submitted.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';
import { buildViewSubmission } from '../../helpers/build-view-submission.ts';

const fields = {
  title: 'Checkout latency',
  severity: { option: 'P1' },
  summary: 'p99 at 4s',
  services: 'api, checkout ,',
};

describe('the declare form submitted', () => {
  it('declares with what the form says and tells the person where to go', async () => {
    const bed = buildDeps();
    const { args, answers } = buildViewSubmission({ callbackId: DECLARE_MODAL_ID, fields });

    await declareModalSubmitted(buildListenerContext(bed).ctx)(args);

    expect(answers.acks).toEqual([undefined]);
    expect(await bed.store.getIncident('inc-1')).toMatchObject({
      title: 'Checkout latency',
      severity: 'P1',
      summary: 'p99 at 4s',
      services: ['api', 'checkout'],
    });
    expect(bed.chat.postsIn('UANA').map((p) => p.message.text)).toEqual([
      expect.stringMatching(/^Declared <#C\d+>\. I invited you there\.$/),
    ]);
  });

  it('keeps the form open with an error on the title when it is empty', async () => {
    const bed = buildDeps();
    const { args, answers } = buildViewSubmission({ callbackId: DECLARE_MODAL_ID, fields: { ...fields, title: '  ' } });

    await declareModalSubmitted(buildListenerContext(bed).ctx)(args);

    expect(answers.acks).toEqual([{ response_action: 'errors', errors: { title: 'Give the incident a title.' } }]);
    expect(await bed.store.listIncidents({})).toEqual([]);
  });

  it('checks again at submit and tells a person outside incident.restrictTo', async () => {
    const bed = buildDeps({ config: { incident: { restrictTo: 'SRESP' } } });
    const { args } = buildViewSubmission({ callbackId: DECLARE_MODAL_ID, fields });

    await declareModalSubmitted(buildListenerContext(bed).ctx)(args);

    expect(bed.chat.posts.map((p) => p.message.text)).toEqual([
      expect.stringContaining('Only members of <!subteam^SRESP> can declare'),
    ]);
    expect(await bed.store.listIncidents({})).toEqual([]);
  });
});
