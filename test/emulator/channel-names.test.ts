import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, type Person } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import { callApi } from './web-api-call.ts';

// api-ref chat.postMessage: channel is "An encoded ID or channel name".
describe('chat.postMessage to a channel by name, as Slack takes it', () => {
  let slack: SlackEmulator;
  let ana: Person;
  beforeEach(async () => {
    slack = await startSlackEmulator({ httpTarget: 'http://127.0.0.1:9/unused' });
    ana = addPerson(slack, 'ana');
  });
  afterEach(() => slack.stop());

  it('posts to a channel named with or without its #', async () => {
    const announce = ana.createChannel('announce');
    announce.members.add(slack.workspace.botUserId);

    const hashed = await callApi(slack, 'chat.postMessage', { channel: '#announce', text: 'one' });
    const bare = await callApi(slack, 'chat.postMessage', { channel: 'announce', text: 'two' });

    expect([hashed.body['ok'], bare.body['ok']]).toEqual([true, true]);
    expect(hashed.body['channel']).toBe(announce.id);
    expect(announce.messages.map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('answers not_in_channel for a named channel the bot is not in, and channel_not_found for no such name', async () => {
    ana.createChannel('announce');

    const outside = await callApi(slack, 'chat.postMessage', { channel: '#announce', text: 'x' });
    const missing = await callApi(slack, 'chat.postMessage', { channel: '#nowhere', text: 'x' });

    expect(outside.body['error']).toBe('not_in_channel');
    expect(missing.body['error']).toBe('channel_not_found');
  });
});
