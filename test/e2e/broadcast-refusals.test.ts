import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareFromNewChannel, eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';

const texts = (h: Harness, channel: string) => h.slack.workspace.channels.get(channel)!.messages.map((m) => m.text);

describe('broadcast channels Slack refuses (the bot is not a member: not_in_channel)', () => {
  let h: Harness;
  let locked = '';
  let announce = '';
  beforeAll(async () => {
    h = await startHarness({
      configFor: (slack, people) => {
        const open = people.cho.createChannel('announce');
        open.members.add(slack.workspace.botUserId);
        announce = open.id;
        locked = people.cho.createChannel('locked').id;
        // One by name, as config/default.yml allows ("Channel (ID or name)"), one by ID.
        return { incident: { announcementsChannel: '#announce', announcements: [{ channel: locked }] } };
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('names only the channels that got the update, and says why the others did not and what to do', async () => {
    const incident = await declareFromNewChannel(h, 'declare P2 Broadcast check');

    const answer = await h.people.ana.ask('/incident', 'update Rolled back', incident.channelId!);

    expect(answer.split('\n')).toEqual([
      expect.stringMatching(/^Update posted here and in #announce\. Next update due at \d\d:\d\d UTC\.$/),
      `Not posted in <#${locked}>: the bot is not a member; invite it there with \`/invite @Incident Scribe\`.`,
    ]);
    expect(texts(h, announce).some((t) => t.startsWith('Update on P2 Broadcast check'))).toBe(true);
    expect(texts(h, locked)).toEqual([]);
  });

  it('tells the incident channel once when the announcement did not reach a channel', async () => {
    const incident = await declareFromNewChannel(h, 'declare P2 Announce check');
    const channel = incident.channelId!;
    const notice = `This incident was not announced everywhere.\nNot posted in <#${locked}>: the bot is not a member; invite it there with \`/invite @Incident Scribe\`.`;
    await eventually(() => expect(texts(h, channel)).toContain(notice));

    await h.people.ana.ask('/incident', 'severity P1', channel);
    await eventually(() => expect(texts(h, channel).some((t) => /P1/.test(t))).toBe(true));

    expect(texts(h, channel).filter((t) => t === notice)).toHaveLength(1);
    expect(texts(h, announce).filter((t) => t.includes('Announce check'))).toHaveLength(1);
  });

  it('tells the incident channel when the RCA link did not reach a channel', async () => {
    const incident = await declareFromNewChannel(h, 'declare P2 Link check');
    const channel = incident.channelId!;

    await h.people.ana.ask('/incident', 'resolve Rolled back', channel);

    const notice = `The RCA link was not announced everywhere.\nNot posted in <#${locked}>: the bot is not a member; invite it there with \`/invite @Incident Scribe\`.`;
    await eventually(() => expect(texts(h, channel)).toContain(notice), 30_000);
    expect(texts(h, announce).some((t) => t.startsWith('📝 RCA draft for') && t.includes('Link check'))).toBe(true);
  });
});
