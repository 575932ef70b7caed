import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import type { Channel } from '#emulator/workspace.ts';
import { callApi } from './web-api-call.ts';

describe('writes to an archived channel, refused as api-ref documents each method', () => {
  let slack: SlackEmulator;
  let channel: Channel;
  let ts: string;
  beforeEach(async () => {
    slack = await startSlackEmulator();
    channel = slack.workspace.createChannel('inc-old', slack.workspace.botUserId);
    ts = String((await callApi(slack, 'chat.postMessage', { channel: channel.id, text: 'before' })).body['ts']);
    channel.isArchived = true;
  });
  afterEach(() => slack.stop());

  const errorOf = async (method: string, args: Record<string, unknown>) =>
    (await callApi(slack, method, { channel: channel.id, ...args })).body['error'];

  it('answers is_archived to posts, topics, purposes and reactions, and is_inactive to an update', async () => {
    expect({
      'chat.postMessage': await errorOf('chat.postMessage', { text: 'after' }),
      'chat.postEphemeral': await errorOf('chat.postEphemeral', { user: slack.workspace.botUserId, text: 'x' }),
      'chat.update': await errorOf('chat.update', { ts, text: 'edited' }),
      'conversations.setTopic': await errorOf('conversations.setTopic', { topic: 't' }),
      'conversations.setPurpose': await errorOf('conversations.setPurpose', { purpose: 'p' }),
      'reactions.add': await errorOf('reactions.add', { timestamp: ts, name: 'memo' }),
    }).toEqual({
      'chat.postMessage': 'is_archived',
      'chat.postEphemeral': 'is_archived',
      'chat.update': 'is_inactive',
      'conversations.setTopic': 'is_archived',
      'conversations.setPurpose': 'is_archived',
      'reactions.add': 'is_archived',
    });
    expect(channel.messages.map((m) => m.text)).toEqual(['before']);
    expect(channel.topic).toBe('');
  });

  it('still reads the channel', async () => {
    const { body } = await callApi(slack, 'conversations.history', { channel: channel.id });

    expect(body['ok']).toBe(true);
  });
});
