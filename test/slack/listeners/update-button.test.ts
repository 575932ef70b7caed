import { describe, expect, it } from 'vitest';
import { POST_UPDATE_ACTION } from '#adapters/slack/blocks/build-update-nudge.ts';
import { updateButton } from '#adapters/slack/listeners/update-button.ts';
import { buildBlockAction } from '../../helpers/build-block-action.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';
import { buildOpenIncident } from '../../helpers/build-open-incident.ts';

describe('the nudge Post update button', () => {
  it('opens the update form with its trigger', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    const { args, answers } = buildBlockAction({
      actionId: POST_UPDATE_ACTION,
      value: 'inc-1',
      userId: 'UANA',
      triggerId: 'T5',
    });

    await updateButton(buildListenerContext(bed).ctx)(args);

    expect(answers.acks).toEqual([undefined]);
    expect(bed.chat.views).toEqual([expect.objectContaining({ triggerId: 'T5' })]);
    expect(bed.chat.views[0]?.view).toMatchObject({ callback_id: 'status_update' });
    expect(bed.chat.viewUpdates).toEqual([]);
  });

  it('opens the form first, then replaces it for a person outside the channel', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    const { args } = buildBlockAction({ actionId: POST_UPDATE_ACTION, value: 'inc-1', userId: 'UOUT' });

    await updateButton(buildListenerContext(bed).ctx)(args);

    expect(bed.chat.calls.indexOf('openView')).toBeLessThan(bed.chat.calls.indexOf('isMember'));
    expect(JSON.stringify(bed.chat.viewUpdates[0]?.view)).toContain('Join the channel first');
  });

  it('tells the person, not silence, when Slack says the click was already used (exchanged_trigger_id)', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    bed.chat.openView = async () => {
      // As @slack/web-api throws it: the platform's error code in `data.error`.
      throw Object.assign(new Error('An API error occurred: exchanged_trigger_id'), {
        data: { ok: false, error: 'exchanged_trigger_id' },
      });
    };
    const { args, answers } = buildBlockAction({ actionId: POST_UPDATE_ACTION, value: 'inc-1', userId: 'UANA' });

    await updateButton(buildListenerContext(bed).ctx)(args);

    expect(answers.respond).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: false,
        text: 'The update form did not open: this click was already used. Click the button again, or run `/incident update <what changed>` in the incident channel.',
      },
    ]);
  });

  it('answers anything else that went wrong with a reference and the command to run instead', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    bed.chat.openView = async () => {
      throw new Error('socket hang up');
    };
    const { args, answers } = buildBlockAction({ actionId: POST_UPDATE_ACTION, value: 'inc-1', userId: 'UANA' });

    await updateButton(buildListenerContext(bed).ctx)(args);

    expect(answers.respond).toEqual([
      expect.objectContaining({
        text: expect.stringMatching(
          /^Sorry, opening the update form did not work \(reference \w+; the bot's log has the details\)\. Please try again in a moment\. Or run `\/incident update <what changed>` in the incident channel\.$/,
        ),
      }),
    ]);
    expect(bed.logs.map((l) => l.msg)).toContain('opening the update form failed');
  });

  it('does nothing for an incident that is gone', async () => {
    const bed = buildDeps();
    const { args } = buildBlockAction({ actionId: POST_UPDATE_ACTION, value: 'inc-404' });

    await updateButton(buildListenerContext(bed).ctx)(args);

    expect(bed.chat.views).toEqual([]);
  });
});
