import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import { callApi } from './web-api-call.ts';

describe('conversations.create in a workspace where only admins create channels', () => {
  let slack: SlackEmulator;
  beforeEach(async () => {
    slack = await startSlackEmulator();
  });
  afterEach(() => slack.stop());

  it('answers restricted_action, as api-ref conversations.create.json documents, and creates nothing', async () => {
    slack.workspace.channelCreation = 'admins';

    const { body } = await callApi(slack, 'conversations.create', { name: 'inc-checkout-down' });

    expect(body).toEqual({ ok: false, error: 'restricted_action' });
    expect(slack.workspace.channelByName('inc-checkout-down')).toBeUndefined();
  });

  it('creates the channel once the preference lets everyone', async () => {
    slack.workspace.channelCreation = 'admins';
    await callApi(slack, 'conversations.create', { name: 'inc-checkout-down' });
    slack.workspace.channelCreation = 'everyone';

    const { body } = await callApi(slack, 'conversations.create', { name: 'inc-checkout-down' });

    expect(body['ok']).toBe(true);
  });
});
