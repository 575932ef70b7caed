import { afterEach, describe, expect, it } from 'vitest';
import { declareFromNewChannel, eventually, FakeClock, type Harness, startHarness } from '../helpers/bot-harness.ts';

const shuffle = <T>(items: T[]): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('redelivery', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('leaves the timeline and the reminders unchanged when every event arrives 10 times, in random order', async () => {
    const clock = new FakeClock(new Date());
    h = await startHarness({ clock });
    const { ana, ben } = h.people;
    const incident = await declareFromNewChannel(h, 'declare sev2 Redelivered');
    const channel = incident.channelId!;
    ben.join(channel);
    const messages: string[] = [];
    for (let i = 0; i < 8; i += 1)
      messages.push(await ben.post(channel, `Finding ${i}`, i % 3 === 2 ? messages[0] : undefined));
    for (const ts of messages) await ana.react(channel, ts, 'pushpin');
    await ben.react(channel, messages[1]!, 'pushpin');
    await ana.unreact(channel, messages[2]!, 'pushpin');
    await ben.edit(channel, messages[3]!, 'Finding 3, corrected');
    await ben.delete(channel, messages[4]!);
    await ana.ask('/incident', `action Fix it owner:${ana.mention} due:tomorrow`, channel);
    const snapshot = async () =>
      (await h.store.listTimeline(incident.id)).map(({ key, text, authorId, permalink, pending, at }) => ({
        key,
        text,
        authorId,
        permalink,
        pending,
        at,
      }));
    const before = await eventually(async () => {
      const list = await snapshot();
      expect(list.filter((e) => e.pending)).toEqual([]);
      expect(list.filter((e) => e.text.startsWith('Finding'))).toHaveLength(6);
      return list;
    });
    await h.bot.runReminders();
    const dmsBefore = h.slack.workspace.imWith(ana.id).messages.length;
    const events = h.slack.deliveries.filter((d) => d.type === 'events_api');

    await Promise.all(
      shuffle(events.flatMap((d) => Array.from({ length: 10 }, (_, n) => () => h.slack.redeliver(d, 1 + (n % 3))))).map(
        (send) => send(),
      ),
    );
    for (let i = 0; i < 10; i += 1) await h.bot.runReminders();
    // Every redelivery was dropped at its ack; an event still being handled would still be in the inbox.
    await eventually(async () => expect(await h.store.pendingEvents()).toEqual([]));

    expect(await snapshot()).toEqual(before);
    expect(h.slack.workspace.imWith(ana.id).messages.length).toBe(dmsBefore);
    expect(await h.store.pendingEvents()).toEqual([]);
  });
});
