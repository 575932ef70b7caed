import { afterEach, describe, expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';
import {
  declareFromNewChannel,
  eventually,
  FakeClock,
  type Harness,
  rcaPathOf,
  startHarness,
} from '../helpers/bot-harness.ts';
import { bareRemote, remoteFile } from '../helpers/git-repos.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(`the lifecycle, with rules (${store})`, () => {
    let h: Harness;
    afterEach(async () => {
      await h?.stop();
    });

    it('refuses a transition with where it can go, reopens, and measures from the real times', async () => {
      const clock = new FakeClock(new Date('2025-04-07T14:10:00Z'));
      const bare = bareRemote();
      const pg = store === 'postgres' ? await freshPostgresSchema() : null;
      h = await startHarness({
        clock,
        rcaRepo: bare,
        ...(pg ?? {}),
        config: { incident: { transitions: { mitigated: ['identified'] } }, rca: { timeZone: 'Europe/Berlin' } },
      });
      const { ana, ben } = h.people;
      const incident = await declareFromNewChannel(h, 'declare sev2 Checkout errors');
      const channel = incident.channelId!;
      ben.join(channel);

      clock.set('2025-04-07T14:12:00Z');
      await ana.ask('/incident', 'note Looking at the dashboards', channel);
      await ana.ask('/incident', 'status identified', channel);
      clock.set('2025-04-07T14:15:00Z');
      expect(await ben.ask('/incident', 'ack', channel)).toMatch(/^Acknowledged/);
      expect(await ana.ask('/incident', 'ack', channel)).toBe('Already acknowledged at 14:15 UTC.');
      expect(await ana.ask('/incident', 'started 16:02', channel)).toBe('Impact began at 2025-04-07 14:02 UTC.');
      expect(await ana.ask('/incident', 'started 25:99', channel)).toMatch(/is not a time of day/);
      clock.set('2025-04-07T14:30:00Z');
      await ana.ask('/incident', 'status mitigated', channel);
      expect(await ana.ask('/incident', 'status investigating', channel)).toBe(
        'The status cannot go from mitigated to investigating. From mitigated it can go to: `identified`, resolved (`/incident resolve`).',
      );
      clock.set('2025-04-07T14:40:00Z');
      await ana.ask('/incident', 'resolve Rolled back', channel);
      await rcaPathOf(h, incident.id);
      clock.set('2025-04-07T15:00:00Z');
      expect(await ana.ask('/incident', 'reopen', channel)).toMatch(/^Reopened; the status is investigating/);
      expect((await h.store.getIncident(incident.id))?.status).toBe('investigating');
      const path0 = await rcaPathOf(h, incident.id);
      // The RCA follows the reopening at once: open, no time to mitigate or resolve, the first resolution kept.
      const reopened = await eventually(() => {
        const parsed = parseRca(remoteFile(bare, path0) ?? '');
        expect(parsed.frontMatter['status']).toBe('investigating');
        return parsed.frontMatter;
      }, 30_000);
      expect(reopened).toMatchObject({ time_to_detect_minutes: 8, time_to_first_resolve_minutes: 38 });
      expect(reopened).not.toHaveProperty('time_to_resolve_minutes');
      expect(reopened).not.toHaveProperty('time_to_mitigate_minutes');
      expect(reopened).not.toHaveProperty('duration_minutes');
      clock.set('2025-04-07T15:10:00Z');
      expect(await ana.ask('/incident', 'resolve Rolled back again', channel)).toMatch(/^Resolved/);

      const path = await rcaPathOf(h, incident.id);
      const rca = await eventually(() => {
        const parsed = parseRca(remoteFile(bare, path) ?? '');
        expect(parsed.frontMatter['time_to_resolve_minutes']).toBe(68);
        return parsed;
      }, 30_000);
      expect(rca.frontMatter).toMatchObject({
        duration_minutes: 68,
        time_to_detect_minutes: 8,
        time_to_acknowledge_minutes: 5,
        // The mitigation that held: none after the reopening, so the second resolution.
        time_to_mitigate_minutes: 68,
        time_to_resolve_minutes: 68,
        time_to_first_resolve_minutes: 38,
      });
      expect(rca.timeline.map((row) => [row.time, row.event.replace(/ by .*|\(.*/, '').trim()])).toEqual([
        ['14:02', 'Impact began'],
        ['14:10', 'Incident declared'],
        ['14:12', 'Looking at the dashboards'],
        ['14:12', 'Status changed from investigating to identified'],
        ['14:15', 'Acknowledged'],
        ['14:30', 'Status changed from identified to mitigated'],
        ['14:40', 'Incident resolved'],
        ['15:00', 'Incident reopened'],
        ['15:10', 'Incident resolved'],
      ]);
    });

    it('counts the first action of someone other than the declarer as the acknowledgement', async () => {
      const clock = new FakeClock(new Date('2025-04-07T09:00:00Z'));
      const pg = store === 'postgres' ? await freshPostgresSchema() : null;
      h = await startHarness({ clock, ...(pg ?? {}) });
      const { ana, ben } = h.people;
      const incident = await declareFromNewChannel(h, 'declare sev3 Slow search');
      const channel = incident.channelId!;
      ben.join(channel);
      clock.set('2025-04-07T09:01:00Z');
      await ana.ask('/incident', 'severity sev2', channel);
      clock.set('2025-04-07T09:07:00Z');
      await ben.ask('/incident', 'note Search cluster at 100% CPU', channel);
      clock.set('2025-04-07T09:09:00Z');

      expect(await ana.ask('/incident', 'ack', channel)).toBe('Already acknowledged at 09:07 UTC.');
    });
  });
}
