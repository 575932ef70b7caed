import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, type Person } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import type { Channel } from '#emulator/workspace.ts';
import { callApi } from './web-api-call.ts';

const plain = (text: string) => ({ type: 'plain_text', text });
const longSection = [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }];
const refusal = '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]';
const modal = (fields: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Declare'),
  blocks: [],
  ...fields,
});

describe('the emulator checks Block Kit on every surface', () => {
  let slack: SlackEmulator;
  let ana: Person;
  let channel: Channel;
  beforeEach(async () => {
    slack = await startSlackEmulator();
    ana = addPerson(slack, 'ana');
    channel = ana.createChannel('incidents');
    channel.members.add(slack.workspace.botUserId);
  });
  afterEach(() => slack.stop());

  it('refuses chat.postMessage blocks past a limit with invalid_blocks, naming the path as Slack does', async () => {
    const { body } = await callApi(slack, 'chat.postMessage', { channel: channel.id, blocks: longSection });

    expect(body).toEqual({
      ok: false,
      error: 'invalid_blocks',
      errors: ['must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
      response_metadata: { messages: [refusal] },
    });
    expect(channel.messages).toEqual([]);
  });

  it('refuses the same blocks on chat.update, and keeps the message as it was', async () => {
    const posted = await callApi(slack, 'chat.postMessage', { channel: channel.id, text: 'Summary' });

    const { body } = await callApi(slack, 'chat.update', {
      channel: channel.id,
      ts: posted.body['ts'],
      blocks: longSection,
    });

    expect(body['error']).toBe('invalid_blocks');
    expect(body['response_metadata']).toEqual({ messages: [refusal] });
    expect(channel.messages[0]?.blocks).toBeUndefined();
  });

  it('refuses them on chat.postEphemeral', async () => {
    const { body } = await callApi(slack, 'chat.postEphemeral', {
      channel: channel.id,
      user: ana.id,
      blocks: longSection,
    });

    expect(body['error']).toBe('invalid_blocks');
    expect(slack.workspace.ephemerals).toEqual([]);
  });

  it('answers invalid_blocks_format for blocks that are not a JSON array', async () => {
    const { body } = await callApi(slack, 'chat.postMessage', { channel: channel.id, blocks: '[{"type": "section"' });

    expect(body['error']).toBe('invalid_blocks_format');
  });

  it('answers a response_url post past a limit with HTTP 400 invalid_blocks, as Slack does, and keeps nothing', async () => {
    const url = `http://127.0.0.1:${slack.port}/response/abc`;

    const refused = await fetch(url, { method: 'POST', body: JSON.stringify({ blocks: longSection }) });
    const accepted = await fetch(url, { method: 'POST', body: JSON.stringify({ text: 'Declared' }) });

    expect([refused.status, await refused.text()]).toEqual([400, 'invalid_blocks']);
    expect(accepted.status).toBe(200);
    expect(slack.responses.map((r) => r.body)).toEqual([{ text: 'Declared' }]);
  });

  it('refuses a modal title past 24 characters on views.open with invalid_arguments and the path under /view', async () => {
    const trigger = slack.workspace.newTrigger(ana.id);

    const { body } = await callApi(slack, 'views.open', {
      trigger_id: trigger,
      view: modal({ title: plain('x'.repeat(25)) }),
    });

    expect(body).toEqual({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: {
        messages: [
          '[ERROR] failed to match all allowed schemas [json-pointer:/view]',
          '[ERROR] must be less than 25 characters [json-pointer:/view/title/text]',
        ],
      },
    });
    expect(slack.workspace.views.size).toBe(0);
  });

  it('refuses views.update, views.push and views.publish past a limit', async () => {
    const opened = await callApi(slack, 'views.open', {
      trigger_id: slack.workspace.newTrigger(ana.id),
      view: modal(),
    });
    const viewId = (opened.body['view'] as { id: string }).id;
    const tooLong = { private_metadata: 'x'.repeat(3001) };

    const update = await callApi(slack, 'views.update', { view_id: viewId, view: modal(tooLong) });
    const push = await callApi(slack, 'views.push', {
      trigger_id: slack.workspace.newTrigger(ana.id),
      view: modal(tooLong),
    });
    const home = await callApi(slack, 'views.publish', {
      user_id: ana.id,
      view: { type: 'home', blocks: longSection },
    });

    const metadata = '[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]';
    expect((update.body['response_metadata'] as { messages: string[] }).messages).toContain(metadata);
    expect((push.body['response_metadata'] as { messages: string[] }).messages).toContain(metadata);
    expect((home.body['response_metadata'] as { messages: string[] }).messages).toContain(
      '[ERROR] must be less than 3001 characters [json-pointer:/view/blocks/0/text/text]',
    );
    expect([update.body['error'], push.body['error'], home.body['error']]).toEqual(Array(3).fill('invalid_arguments'));
  });

  it('keeps 40,000 characters of a longer chat.postMessage text and warns, as Slack does', async () => {
    const { body } = await callApi(slack, 'chat.postMessage', { channel: channel.id, text: 'y'.repeat(40_010) });

    expect(body['ok']).toBe(true);
    expect(channel.messages[0]?.text).toHaveLength(40_000);
    expect(body['response_metadata']).toEqual({
      messages: [
        '[WARN] Your message was truncated but still posted. The `text` field accepts up to 40,000 characters.',
      ],
      warnings: ['message_truncated'],
    });
  });

  it('refuses a chat.update text past 4,000 characters with msg_too_long, as chat.update documents', async () => {
    const posted = await callApi(slack, 'chat.postMessage', { channel: channel.id, text: 'Summary' });

    const { body } = await callApi(slack, 'chat.update', {
      channel: channel.id,
      ts: posted.body['ts'],
      text: 'z'.repeat(4001),
    });

    expect(body['error']).toBe('msg_too_long');
    expect(channel.messages[0]?.text).toBe('Summary');
  });

  it('refuses a view over 250 kB with view_too_large', async () => {
    const blocks = Array.from({ length: 100 }, () => ({
      type: 'section',
      text: { type: 'mrkdwn', text: 'é'.repeat(1500) },
    }));

    const { body } = await callApi(slack, 'views.publish', { user_id: ana.id, view: { type: 'home', blocks } });

    expect(body['error']).toBe('view_too_large');
  });
});
