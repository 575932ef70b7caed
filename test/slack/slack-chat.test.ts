import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackChat } from '#adapters/slack/slack-chat.ts';
import { addPerson } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import { ChannelArchivedError } from '#src/ports/channel-archived-error.ts';

describe('SlackChat against the emulator', () => {
  let slack: SlackEmulator;
  afterEach(async () => {
    await slack?.stop();
  });

  it('lands posts to one channel in the order they were made, though Slack answers 429 to every other call', async () => {
    slack = await startSlackEmulator();
    const channel = addPerson(slack, 'ana').createChannel('incidents');
    channel.members.add(slack.workspace.botUserId);
    const chat = new SlackChat(new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl }));
    slack.rateLimitCalls({ every: 2, durationMs: 1_500, retryAfterSeconds: 1 });

    const texts = ['one', 'two', 'three', 'four', 'five'];
    await Promise.all(texts.map((text) => chat.post(channel.id, { text })));

    expect(channel.messages.map((m) => m.text)).toEqual(texts);
    expect(slack.calls.filter((c) => c.status === 429).length).toBeGreaterThan(0);
  });

  it("gives back what Slack refused when it creates no channel, in words and with Slack's code", async () => {
    slack = await startSlackEmulator();
    slack.workspace.channelCreation = 'admins';
    const chat = new SlackChat(new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl }));

    const result = await chat.createChannel('inc-checkout-down');

    expect(result).toEqual({
      ok: false,
      error: 'refused',
      code: 'restricted_action',
      reason: expect.stringContaining('Ask a workspace admin to let Incident Scribe create channels'),
    });
  });

  it('throws a ChannelArchivedError for a post, an update or a topic in an archived channel', async () => {
    slack = await startSlackEmulator();
    const channel = slack.workspace.createChannel('inc-old', slack.workspace.botUserId);
    const chat = new SlackChat(new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl }));
    const { ts } = await chat.post(channel.id, { text: 'summary' });
    channel.isArchived = true;

    await expect(chat.post(channel.id, { text: 'after' })).rejects.toBeInstanceOf(ChannelArchivedError);
    await expect(chat.update(channel.id, ts, { text: 'edited' })).rejects.toBeInstanceOf(ChannelArchivedError);
    await expect(chat.setTopicAndPurpose(channel.id, 'topic')).rejects.toBeInstanceOf(ChannelArchivedError);
  });
});
