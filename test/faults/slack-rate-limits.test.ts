import { afterEach, describe, expect, it } from 'vitest';
import { eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';

describe('Slack answering 429 to a third of calls', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('posts every message eventually, in order within each channel', async () => {
    let announcements = '';
    h = await startHarness({
      configFor: (slack, people) => {
        const channel = people.cho.createChannel('incidents');
        channel.members.add(slack.workspace.botUserId);
        announcements = channel.id;
        return { incident: { announcementsChannel: channel.id } };
      },
    });
    const general = h.people.ana.createChannel('general');
    h.slack.rateLimitCalls({ every: 3, durationMs: 60_000, retryAfterSeconds: 1 });

    const titles = ['Alpha outage', 'Beta outage', 'Gamma outage'];
    for (const title of titles) await h.people.ana.slash('/incident', `declare sev2 ${title}`, general.id);
    const incidents = await eventually(async () => {
      const list = await h.store.listIncidents({});
      expect(list.filter((i) => i.summaryTs !== null)).toHaveLength(3);
      return list;
    }, 60_000);
    const started = Date.now();
    await Promise.all(
      incidents.map((incident) => h.people.ana.slash('/incident', 'resolve Rolled back', incident.channelId!)),
    );

    await eventually(async () => {
      for (const incident of incidents) {
        const texts = h.slack.workspace.channels.get(incident.channelId!)!.messages.map((m) => m.text);
        expect(texts.length).toBe(2);
        expect(texts[0]).toMatch(/^P2 (investigating|resolved): /);
        expect(texts[1]).toMatch(/RCA draft committed/);
      }
    }, 90_000);
    await eventually(() => {
      const posted = h.slack.workspace.channels.get(announcements)!.messages.map((m) => m.text);
      for (const incident of incidents) {
        const announced = posted.findIndex(
          (t) => t.includes(`<#${incident.channelId}>`) && t.includes('New P2 incident'),
        );
        const linked = posted.findIndex((t) => t.includes(`<#${incident.channelId}>`) && t.includes('RCA draft for'));
        expect(announced).toBeGreaterThanOrEqual(0);
        expect(linked).toBeGreaterThan(announced);
      }
    }, 60_000);
    expect(h.slack.calls.filter((c) => c.status === 429).length).toBeGreaterThan(10);
    console.log(`resolve → both messages posted under 429s: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
