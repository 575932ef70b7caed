import { afterEach, describe, expect, it } from 'vitest';
import { addPerson } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import { callApi, connectRawApp, until } from './web-api-call.ts';

const PUBLIC_ONLY = ['channels:history', 'channels:read', 'channels:manage', 'chat:write'];

describe('scopes by conversation kind, and private channels', () => {
  let slack: SlackEmulator;
  afterEach(() => slack?.stop());

  it('answers missing_scope with needed and provided for a private channel read with channels:* scopes only', async () => {
    slack = await startSlackEmulator({ scopes: PUBLIC_ONLY });
    const ana = addPerson(slack, 'ana');
    const secret = ana.createChannel('secret', { isPrivate: true });
    secret.members.add(slack.workspace.botUserId);

    const { body } = await callApi(slack, 'conversations.history', { channel: secret.id });

    expect(body).toEqual({
      ok: false,
      error: 'missing_scope',
      needed: 'groups:history',
      provided: PUBLIC_ONLY.join(','),
    });
  });

  it('reads a public channel with the same scopes', async () => {
    slack = await startSlackEmulator({ scopes: PUBLIC_ONLY });
    const open = addPerson(slack, 'ana').createChannel('open');
    open.members.add(slack.workspace.botUserId);

    const { body } = await callApi(slack, 'conversations.history', { channel: open.id });

    expect(body['ok']).toBe(true);
  });

  it('needs groups:write to create a private channel, and channels:manage for a public one', async () => {
    slack = await startSlackEmulator({ scopes: PUBLIC_ONLY });

    const open = await callApi(slack, 'conversations.create', { name: 'inc-open' });
    const secret = await callApi(slack, 'conversations.create', { name: 'inc-secret', is_private: true });

    expect(open.body['ok']).toBe(true);
    expect(secret.body).toMatchObject({ error: 'missing_scope', needed: 'groups:write' });
  });

  it('creates a private channel that says so in conversations.create and conversations.info', async () => {
    slack = await startSlackEmulator();

    const created = await callApi(slack, 'conversations.create', { name: 'inc-secret', is_private: true });
    const id = (created.body['channel'] as { id: string }).id;
    const info = await callApi(slack, 'conversations.info', { channel: id });

    expect(created.body['channel']).toMatchObject({ is_private: true });
    expect(info.body['channel']).toMatchObject({ id, is_private: true });
  });

  it('hides a private channel from an app that is not in it, and refuses to let it join', async () => {
    slack = await startSlackEmulator();
    const secret = addPerson(slack, 'ana').createChannel('secret', { isPrivate: true });

    const info = await callApi(slack, 'conversations.info', { channel: secret.id });
    const join = await callApi(slack, 'conversations.join', { channel: secret.id });

    expect(info.body['error']).toBe('channel_not_found');
    expect(join.body['error']).toBe('channel_not_found');
  });

  it('answers method_not_supported_for_channel_type to conversations.join on a private channel or a DM', async () => {
    slack = await startSlackEmulator();
    const ana = addPerson(slack, 'ana');
    const secret = ana.createChannel('secret', { isPrivate: true });
    secret.members.add(slack.workspace.botUserId);

    const privateJoin = await callApi(slack, 'conversations.join', { channel: secret.id });
    const dmJoin = await callApi(slack, 'conversations.join', { channel: slack.workspace.imWith(ana.id).id });

    expect([privateJoin.body['error'], dmJoin.body['error']]).toEqual([
      'method_not_supported_for_channel_type',
      'method_not_supported_for_channel_type',
    ]);
  });

  it("sends a private channel's messages with channel_type group, only to an app subscribed to message.groups", async () => {
    slack = await startSlackEmulator({ events: ['message.channels'] });
    const ana = addPerson(slack, 'ana');
    const secret = ana.createChannel('secret', { isPrivate: true });
    const open = ana.createChannel('open');
    for (const c of [secret, open]) c.members.add(slack.workspace.botUserId);
    const app = await connectRawApp(slack);

    await ana.post(secret.id, 'not for you');
    await ana.post(open.id, 'for you');
    await until(() => app.messages.some((m) => m['envelope_id']));

    const events = app.messages.flatMap((m): Record<string, unknown>[] => {
      const event = (m['payload'] as { event?: Record<string, unknown> } | undefined)?.event;
      return event ? [event] : [];
    });
    expect(events.map((e) => [e['text'], e['channel_type']])).toEqual([['for you', 'channel']]);
    await slack.stop();

    slack = await startSlackEmulator({ events: ['message.channels', 'message.groups'] });
    const cho = addPerson(slack, 'cho');
    const hidden = cho.createChannel('hidden', { isPrivate: true });
    hidden.members.add(slack.workspace.botUserId);
    const subscribed = await connectRawApp(slack);
    await cho.post(hidden.id, 'for you too');
    await until(() => subscribed.messages.some((m) => m['envelope_id']));
    const payload = subscribed.messages.find((m) => m['envelope_id'])?.['payload'] as {
      event: Record<string, unknown>;
    };
    expect(payload.event).toMatchObject({ text: 'for you too', channel_type: 'group' });
    subscribed.ws.close();
    app.ws.close();
  });
});
