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

  it('does nothing for an incident that is gone', async () => {
    const bed = buildDeps();
    const { args } = buildBlockAction({ actionId: POST_UPDATE_ACTION, value: 'inc-404' });

    await updateButton(buildListenerContext(bed).ctx)(args);

    expect(bed.chat.views).toEqual([]);
  });
});
