import { createConnection } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, type Person } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import type { Channel } from '#emulator/workspace.ts';
import { callApi, connectRawApp, until } from './web-api-call.ts';

describe('outages and Socket Mode disconnects', () => {
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

  it('refuses connections for the set time, then answers again on the same port', async () => {
    const app = await connectRawApp(slack);

    await slack.outage({ ms: 300, mode: 'refuse' });
    const during = await callApi(slack, 'auth.test').catch((error: Error) => error);
    const connect = await new Promise<string>((resolve) => {
      const socket = createConnection(slack.port, '127.0.0.1', () => resolve('connected'));
      socket.on('error', (error: Error & { code?: string }) => resolve(String(error.code)));
    });
    await app.closed;
    await new Promise((r) => setTimeout(r, 400));
    const after = await callApi(slack, 'auth.test');

    expect(during).toBeInstanceOf(Error);
    expect(connect).toBe('ECONNREFUSED');
    expect(after.body['ok']).toBe(true);
  });

  it('answers 503 for the set time in 5xx mode, apps.connections.open included, then recovers', async () => {
    // Long enough that both calls land inside it on a busy machine.
    await slack.outage({ ms: 3000, mode: '5xx' });

    const api = await callApi(slack, 'auth.test');
    const open = await callApi(slack, 'apps.connections.open');
    await new Promise((r) => setTimeout(r, 3050));
    const after = await callApi(slack, 'apps.connections.open');

    expect([api.status, open.status]).toEqual([503, 503]);
    expect(open.body).toEqual({ ok: false, error: 'service_unavailable' });
    expect(after.body['ok']).toBe(true);
  });

  it('can fail apps.connections.open alone while the rest of the Web API answers', async () => {
    await slack.outage({ ms: 60_000, mode: '5xx', methods: ['apps.connections.open'] });

    const open = await callApi(slack, 'apps.connections.open');
    const post = await callApi(slack, 'chat.postMessage', { channel: channel.id, text: 'still here' });

    expect(open.status).toBe(503);
    expect(post.body['ok']).toBe(true);
  });

  for (const reason of ['warning', 'refresh_requested', 'link_disabled'] as const) {
    it(`sends Slack's disconnect message (${reason}) and then closes the connection`, async () => {
      const app = await connectRawApp(slack);

      slack.disconnectSockets(reason, 50);
      await app.closed;

      expect(app.messages.at(-1)).toEqual({ type: 'disconnect', reason, debug_info: { host: 'emulator' } });
    });
  }

  it('cuts a connection in the middle of an envelope, and retries the event on the next connection', async () => {
    const first = await connectRawApp(slack);
    slack.cutNextEnvelope('mid-frame');

    const delivered = await ana.post(channel.id, 'lost in transit').then(
      () => 'acked',
      () => 'failed',
    );
    await first.closed;
    const second = await connectRawApp(slack);
    await until(() => second.messages.some((m) => m['envelope_id']));

    const retry = second.messages.find((m) => m['envelope_id']) as { payload: { event: { text: string } } };
    expect(delivered).toBe('failed');
    expect(first.messages.filter((m) => m['envelope_id'])).toEqual([]);
    expect(retry).toMatchObject({ retry_attempt: 1, retry_reason: 'timeout' });
    expect(retry.payload.event.text).toBe('lost in transit');
    second.ws.close();
  });

  it('cuts a connection after an envelope but before its ack, and retries the same payload in a new envelope', async () => {
    const first = await connectRawApp(slack, { ack: false });
    slack.cutNextEnvelope('before-ack');

    await ana.post(channel.id, 'half heard').catch(() => undefined);
    await first.closed;
    const second = await connectRawApp(slack);
    await until(() => second.messages.some((m) => m['envelope_id']));

    const sent = first.messages.find((m) => m['envelope_id']);
    const retry = second.messages.find((m) => m['envelope_id']);
    expect(retry).toMatchObject({ retry_attempt: 1, retry_reason: 'timeout' });
    expect(retry?.['payload']).toEqual(sent?.['payload']);
    expect(retry?.['envelope_id']).not.toBe(sent?.['envelope_id']);
    second.ws.close();
  });

  it('keeps an event sent while no app is connected for the next connection', async () => {
    const failed = await ana.post(channel.id, 'while away').then(
      () => false,
      () => true,
    );
    const app = await connectRawApp(slack);
    await until(() => app.messages.some((m) => m['envelope_id']));

    const retry = app.messages.find((m) => m['envelope_id']) as { payload: { event: { text: string } } };
    expect(failed).toBe(true);
    expect(retry.payload.event.text).toBe('while away');
    app.ws.close();
  });

  it('retries an event the app did not acknowledge in time, up to 3 times, then gives up', async () => {
    await slack.stop();
    slack = await startSlackEmulator({ ackTimeoutMs: 100 });
    const cho = addPerson(slack, 'cho');
    const quiet = cho.createChannel('quiet');
    quiet.members.add(slack.workspace.botUserId);
    const app = await connectRawApp(slack, { ack: false });

    await cho.post(quiet.id, 'anyone?').catch(() => undefined);
    await until(() => app.messages.filter((m) => m['envelope_id']).length === 4);
    await new Promise((r) => setTimeout(r, 300));

    const envelopes = app.messages.filter((m) => m['envelope_id']);
    expect(envelopes.map((m) => m['retry_attempt'])).toEqual([0, 1, 2, 3]);
    expect(new Set(envelopes.map((m) => JSON.stringify(m['payload']))).size).toBe(1);
    app.ws.close();
  });
});
