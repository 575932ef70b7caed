import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, type Person } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import { TRIGGER_LIFETIME_MS } from '#emulator/workspace.ts';
import { callApi } from './web-api-call.ts';

const view = { type: 'modal', title: { type: 'plain_text', text: 'Declare' }, blocks: [] };

describe('trigger_id, as Slack hands them out', () => {
  let slack: SlackEmulator;
  let ana: Person;
  beforeEach(async () => {
    slack = await startSlackEmulator({ httpTarget: 'http://127.0.0.1:9/unused' });
    ana = addPerson(slack, 'ana');
  });
  afterEach(() => slack.stop());

  it('opens a modal within 3 seconds of the payload that carried the trigger', async () => {
    const trigger = slack.workspace.newTrigger(ana.id);
    slack.workspace.triggerSent(trigger, Date.now() - (TRIGGER_LIFETIME_MS - 200));

    const { body } = await callApi(slack, 'views.open', { trigger_id: trigger, view });

    expect(body['ok']).toBe(true);
    expect([...slack.workspace.views.values()].map((v) => v.userId)).toEqual([ana.id]);
  });

  it('answers expired_trigger_id more than 3 seconds after the payload was sent', async () => {
    const trigger = slack.workspace.newTrigger(ana.id);
    slack.workspace.triggerSent(trigger, Date.now() - (TRIGGER_LIFETIME_MS + 1));

    const { body } = await callApi(slack, 'views.open', { trigger_id: trigger, view });

    expect(body['error']).toBe('expired_trigger_id');
    expect(slack.workspace.views.size).toBe(0);
  });

  it('keeps counting from the first send when the same payload is sent again (a retry)', async () => {
    const trigger = slack.workspace.newTrigger(ana.id);
    slack.workspace.triggerSent(trigger, Date.now() - 60_000);

    slack.workspace.triggerSent(trigger, Date.now());
    const { body } = await callApi(slack, 'views.open', { trigger_id: trigger, view });

    expect(body['error']).toBe('expired_trigger_id');
  });

  it('starts the 3 seconds when the emulator delivers the payload that carries the trigger', async () => {
    const trigger = slack.workspace.newTrigger(ana.id);

    await slack.deliver('interactive', { type: 'block_actions', trigger_id: trigger }).catch(() => undefined);
    slack.workspace.triggerSent(trigger, Date.now() - 60_000);
    const { body } = await callApi(slack, 'views.open', { trigger_id: trigger, view });

    expect(body['ok']).toBe(true);
  });

  it('answers exchanged_trigger_id the second time a trigger is used, on views.open or views.push', async () => {
    const trigger = slack.workspace.newTrigger(ana.id);
    await callApi(slack, 'views.open', { trigger_id: trigger, view });

    const again = await callApi(slack, 'views.open', { trigger_id: trigger, view });
    const push = await callApi(slack, 'views.push', { trigger_id: trigger, view });

    expect([again.body['error'], push.body['error']]).toEqual(['exchanged_trigger_id', 'exchanged_trigger_id']);
    expect(slack.workspace.views.size).toBe(1);
  });

  it('answers invalid_trigger_id for a trigger it never issued or a malformed one', async () => {
    const unknown = await callApi(slack, 'views.open', { trigger_id: '12345.98765.abcd2358fdea', view });
    const malformed = await callApi(slack, 'views.open', { trigger_id: 'not-a-trigger', view });

    expect([unknown.body['error'], malformed.body['error']]).toEqual(['invalid_trigger_id', 'invalid_trigger_id']);
  });
});
