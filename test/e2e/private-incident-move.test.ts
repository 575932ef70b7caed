import { afterEach, describe, expect, it } from 'vitest';
import { MOVED_POINTER } from '#use-cases/make-incident-private.ts';
import { declareFromNewChannel, eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { manifestSlack, textsIn } from '../helpers/manifest-slack.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(`/incident private (${store})`, () => {
    let h: Harness;
    afterEach(async () => {
      await h?.stop();
    });

    it('moves a public incident to a new private channel with its members and timeline, leaving a pointer', async () => {
      const pg = store === 'postgres' ? await freshPostgresSchema() : null;
      let announce = '';
      h = await startHarness({
        slack: await manifestSlack(),
        ...(pg ?? {}),
        configFor: (slack, people) => {
          const channel = people.cho.createChannel('announce');
          channel.members.add(slack.workspace.botUserId);
          announce = channel.id;
          return { incident: { announcementsChannel: announce } };
        },
      });
      const { ana, ben, cho } = h.people;
      const incident = await declareFromNewChannel(h, 'declare sev2 Odd logins on admin');
      const old = incident.channelId!;
      ben.join(old);
      const before = await ben.post(old, 'Logins from an unknown ASN');
      await ana.react(old, before, 'pushpin');
      await eventually(async () =>
        expect((await h.store.listTimeline(incident.id)).some((e) => e.key.endsWith(before))).toBe(true),
      );
      const announced = textsIn(h, announce).length;

      const answer = await ana.ask('/incident', 'private', old);

      const moved = await eventually(async () => {
        const found = (await h.store.getIncident(incident.id))!;
        expect(found.channelId).not.toBe(old);
        expect(found.summaryTs).toBeTruthy();
        return found;
      });
      const channel = h.slack.workspace.channels.get(moved.channelId!)!;
      expect(answer).toContain(`<#${moved.channelId}>`);
      expect(moved.private).toBe(true);
      expect(channel.isPrivate).toBe(true);
      expect(channel.name).toBe(`${incident.channelName}-private`);
      expect([...channel.members]).toEqual(expect.arrayContaining([ana.id, ben.id, h.slack.workspace.botUserId]));
      expect(channel.members.has(cho.id)).toBe(false);
      await eventually(() => expect(channel.pins.has(moved.summaryTs!)).toBe(true));
      const oldTexts = textsIn(h, old);
      expect(oldTexts.at(-1)).toContain(MOVED_POINTER);
      expect(oldTexts.at(-1)).not.toContain(moved.channelId!);
      expect(h.slack.workspace.findMessage(old, incident.summaryTs!)!.text).toBe(MOVED_POINTER);
      expect(await h.store.findIncidentByChannel(old)).toBeNull();

      const after = await ben.post(moved.channelId!, 'It was a contractor VPN');
      await ana.react(moved.channelId!, after, 'pushpin');
      const late = await ben.post(old, 'Said in the old channel');
      await ana.react(old, late, 'pushpin');
      await ana.ask('/incident', 'note Contractor confirmed', moved.channelId!);
      const entries = await eventually(async () => {
        const list = await h.store.listTimeline(incident.id);
        expect(list.some((e) => e.key.endsWith(after) && !e.pending)).toBe(true);
        expect(list.some((e) => e.text === 'Contractor confirmed')).toBe(true);
        return list;
      });
      expect(entries.some((e) => e.key.endsWith(late))).toBe(false);
      expect(entries.map((e) => e.text)).toEqual(
        expect.arrayContaining(['Logins from an unknown ASN', `Incident moved to a private channel by <@${ana.id}>`]),
      );
      expect(await cho.ask('/incident', 'list', cho.createChannel('cho-general').id)).not.toContain('Odd logins');
      await ana.ask('/incident', 'update Contained', moved.channelId!);
      expect(textsIn(h, announce)).toHaveLength(announced);
      expect(await ana.ask('/incident', 'private', moved.channelId!)).toContain('already private');
    });
  });
}
