import { afterEach, describe, expect, it } from 'vitest';
import { declareFromNewChannel, eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';

describe('the bot against Slack contracts', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  const declared = (title = 'declare Checkout latency') => declareFromNewChannel(h, title);

  it('drops a redelivered event by its id, and never drops a first delivery', async () => {
    h = await startHarness();
    const incident = await declared();
    const channel = incident.channelId!;
    h.people.ben.join(channel);
    const ts = await h.people.ben.post(channel, 'Spike in 500s');
    await h.people.ana.react(channel, ts, 'pushpin');
    const delivery = h.slack.deliveries.at(-1)!;

    for (let retry = 1; retry <= 3; retry += 1) await h.slack.redeliver(delivery, retry);
    await h.slack.deliverEvent((delivery.payload as { event: Record<string, unknown> }).event, {
      eventId: 'EvNEWFIRSTDELIVERY',
      retryAttempt: 1,
    });

    await eventually(async () => {
      const entries = (await h.store.listTimeline(incident.id)).filter((e) => e.kind === 'message');
      expect(entries).toHaveLength(1);
      expect(entries[0]!.pending).toBe(false);
    });
    await eventually(async () => expect(await h.store.pendingEvents()).toEqual([]));
    expect(await h.metrics()).toMatch(/^scribe_duplicate_events_total\{type="event_callback"\} 3$/m);
  });

  it('removes a deleted thread parent, which Slack turns into a tombstone, and keeps its replies', async () => {
    h = await startHarness();
    const incident = await declared();
    const channel = incident.channelId!;
    const { ana, ben } = h.people;
    ben.join(channel);
    const parent = await ben.post(channel, 'Deploy v42 is out');
    const reply = await ana.post(channel, 'Errors started right after', parent);
    await ana.react(channel, parent, 'pushpin');
    await ana.react(channel, reply, 'pushpin');
    await eventually(async () => {
      const messages = (await h.store.listTimeline(incident.id)).filter((e) => e.kind === 'message' && !e.pending);
      expect(messages).toHaveLength(2);
    });

    await ben.delete(channel, parent);

    await eventually(async () => {
      const messages = (await h.store.listTimeline(incident.id)).filter((e) => e.kind === 'message');
      expect(messages.map((e) => e.text)).toEqual(['Errors started right after']);
    });
    const events = h.slack.deliveries.map((d) => (d.payload as { event?: Record<string, unknown> }).event);
    const tombstone = events.find((e) => (e?.['message'] as { ts?: string } | undefined)?.ts === parent);
    expect(tombstone).toMatchObject({ subtype: 'message_changed', message: { subtype: 'tombstone' } });
    expect(events.some((e) => e?.['subtype'] === 'message_deleted')).toBe(false);
  });

  it('copes with already_reacted, and a second person pinning the same message costs no second reaction', async () => {
    h = await startHarness();
    const incident = await declared();
    const channel = incident.channelId!;
    const ts = await h.people.ana.post(channel, 'Cache flushed');
    // The bot's confirmation is already on the message (put there before a restart, say).
    h.slack.workspace.findMessage(channel, ts)!.reactions.set('memo', new Set([h.slack.workspace.botUserId]));

    await h.people.ana.react(channel, ts, 'pushpin');
    await eventually(() => expect(h.slack.calls.some((c) => c.error === 'already_reacted')).toBe(true));
    const reactions = () => h.slack.calls.filter((c) => c.method === 'reactions.add').length;
    const before = reactions();
    await h.people.ben.react(channel, ts, 'pushpin');

    await eventually(async () => expect(await h.store.removeReactor(`msg:${channel}:${ts}`, 'nobody')).toBe(2));
    expect(reactions()).toBe(before);
    const messages = (await h.store.listTimeline(incident.id)).filter((e) => e.kind === 'message');
    expect(messages.map((e) => [e.text, e.pending])).toEqual([['Cache flushed', false]]);
  });

  it('gives a title of emoji and punctuation a valid channel name, and a suffix when the name is taken', async () => {
    h = await startHarness();
    const date = new Date().toISOString().slice(0, 10);
    h.people.cho.createChannel(`inc-${date}-incident`);

    await declared('declare 🔥🔥 !!! ???');

    const names = [...h.slack.workspace.channels.values()].map((c) => c.name);
    expect(names).toContain(`inc-${date}-incident-2`);
    expect(h.slack.calls.filter((c) => c.method === 'conversations.create').map((c) => c.error)).toEqual([
      'name_taken',
      undefined,
    ]);
  });

  it('takes a typed title with a channel, a link and an & as typed, in the channel name, the header and the topic', async () => {
    h = await startHarness();
    const { ana } = h.people;
    const general = ana.createChannel('general');
    ana.createChannel('payments');
    const date = new Date().toISOString().slice(0, 10);

    await ana.typeCommand(
      '/incident',
      'declare sev2 #payments down: https://checkout.example.com 502 & more',
      general.id,
    );

    const incident = await eventually(async () => {
      const found = (await h.store.listIncidents({})).find((i) => i.summaryTs !== null);
      expect(found).toBeTruthy();
      return found!;
    });
    const title = '#payments down: https://checkout.example.com 502 & more';
    expect(incident.title).toBe(title);
    expect(incident.channelName).toBe(`inc-${date}-payments-down-https-checkout-example-com-502-more`);
    const channel = h.slack.workspace.channels.get(incident.channelId!)!;
    expect(channel.topic).toContain(title);
    const summary = channel.messages.find((m) => m.ts === incident.summaryTs)!;
    const header = summary.blocks?.find((b) => (b as { type: string }).type === 'header') as
      | { text: { text: string } }
      | undefined;
    expect(header?.text.text).toContain(title);
  });

  it('keeps a long title within 80 characters', async () => {
    h = await startHarness();

    const incident = await declared(`declare ${'Very long incident title about the checkout service '.repeat(4)}`);

    expect(incident.channelName!.length).toBeLessThanOrEqual(80);
    expect(incident.channelName).toMatch(/^[a-z0-9_-]+$/);
  });

  it('answers a command outside an incident channel, an unknown severity and a bad mention with what is valid', async () => {
    h = await startHarness();
    const incident = await declared();
    const general = h.people.ana.createChannel('random');

    const outside = await h.people.ana.slash('/incident', 'status identified', general.id);
    const severity = await h.people.ana.slash('/incident', 'severity sev9', incident.channelId!);
    const mention = await h.people.ana.slash('/incident', 'lead maria', incident.channelId!);
    const unknown = await h.people.ana.slash('/incident', 'frobnicate', incident.channelId!);

    expect(outside).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('not an incident channel'),
    });
    expect(severity.text).toBe('"sev9" is not a severity. Use one of: P1, P2, P3, P4.');
    expect(mention.text).toContain('Mention one person');
    expect(unknown.text).toContain('/incident help');
  });

  it('shows the timeline to the person only', async () => {
    h = await startHarness();
    const incident = await declared();
    await h.people.ana.ask('/incident', 'note Customers report slow pages', incident.channelId!);

    const answer = await h.people.ana.slash('/incident', 'timeline', incident.channelId!);

    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('Customers report slow pages');
  });

  it('adds a message through the "Add to incident timeline" shortcut', async () => {
    h = await startHarness();
    const incident = await declared();
    h.people.ben.join(incident.channelId!);
    const ts = await h.people.ben.post(incident.channelId!, 'Found the bad deploy');

    await h.people.ana.shortcut('add_to_timeline', incident.channelId!, ts);

    await eventually(async () => {
      const entry = (await h.store.listTimeline(incident.id)).find((e) => e.kind === 'message');
      expect(entry).toMatchObject({
        text: 'Found the bad deploy',
        authorId: h.people.ben.id,
        pending: false,
      });
    });
  });

  it('ignores reactions outside incident channels and other emoji', async () => {
    h = await startHarness();
    const incident = await declared();
    const general = h.slack.workspace.channelByName('random') ?? h.people.ana.createChannel('random');
    general.members.add(h.slack.workspace.botUserId);
    const outside = await h.people.ana.post(general.id, 'not an incident');
    const inside = await h.people.ana.post(incident.channelId!, 'just looking');

    await h.people.ana.react(general.id, outside, 'pushpin');
    await h.people.ana.react(incident.channelId!, inside, 'eyes');
    await new Promise((r) => setTimeout(r, 100));

    expect((await h.store.listTimeline(incident.id)).filter((e) => e.kind === 'message')).toEqual([]);
  });
});
