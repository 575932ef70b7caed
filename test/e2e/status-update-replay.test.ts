import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KyselyUpdateOutbox } from '#adapters/store/kysely-update-outbox.ts';
import type { PendingUpdate } from '#src/ports/update-outbox.ts';
import { statusUpdateEntry } from '#use-cases/status-update-entry.ts';
import { declareFromNewChannel, eventually, FakeClock, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

/** Issue 14 §2: a status update recorded when the process stopped is posted after the restart, once. */
for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(
    `status updates across a crash (${store})`,
    () => {
      const running: Harness[] = [];
      afterEach(async () => {
        // The later bots share the first one's Slack: they stop first.
        for (const h of running.splice(0).reverse()) await h.bot.stop();
        for (const h of running) await h.stop();
      });

      const updatesIn = (h: Harness, channel: string) =>
        h.slack.workspace.channels
          .get(channel)!
          .messages.filter((m) => m.text.includes('Rolled back; errors dropping'))
          .map((m) => m.text);

      it('posts the update a stopped process recorded, once, with two replicas after the restart', async () => {
        const clock = new FakeClock(new Date('2025-04-07T10:00:00Z'));
        const dataDir = mkdtempSync(join(tmpdir(), 'scribe-replay-'));
        const pg = store === 'postgres' ? await freshPostgresSchema() : null;
        const config = { incident: { updateCheckSeconds: 1 } };
        const first = await startHarness({ clock, dataDir, ...(pg ?? {}), config });
        running.push(first);
        const incident = await declareFromNewChannel(first, 'declare sev1 Payments down');
        const channel = incident.channelId!;
        // What `/incident update` had done when the process stopped: the update written, its entry too, no post.
        const pending: PendingUpdate = {
          key: 'crashed-update',
          incidentId: incident.id,
          update: {
            text: 'Rolled back; errors dropping',
            by: first.people.ana.user.id,
            at: '2025-04-07T10:05:00.000Z',
            nextAt: null,
          },
          channels: [channel],
        };
        await new KyselyUpdateOutbox(first.store.db).add(pending, pending.update.at);
        await first.store.addTimelineEntry(statusUpdateEntry(pending));
        await first.bot.stop();
        clock.set('2025-04-07T10:07:00Z');

        const again = await startHarness({ clock, dataDir, ...(pg ?? {}), config, slack: first.slack });
        running.push(again);
        if (pg) running.push(await startHarness({ clock, ...pg, config, slack: first.slack }));

        await eventually(() => expect(updatesIn(first, channel)).toHaveLength(1), 30_000);
        clock.set('2025-04-07T10:20:00Z');
        await new Promise((r) => setTimeout(r, 2_500));
        expect(updatesIn(first, channel)).toEqual(['Update on P1 Payments down: Rolled back; errors dropping']);
        const entries = await again.store.listTimeline(incident.id);
        expect(entries.filter((e) => e.kind === 'update').map((e) => e.key)).toEqual(['update:crashed-update']);
      });

      it('leaves nothing to post again after an update that went out', async () => {
        const clock = new FakeClock(new Date('2025-04-07T10:00:00Z'));
        const pg = store === 'postgres' ? await freshPostgresSchema() : null;
        const h = await startHarness({ clock, ...(pg ?? {}), config: { incident: { updateCheckSeconds: 1 } } });
        running.push(h);
        const incident = await declareFromNewChannel(h, 'declare sev1 Payments down');
        const channel = incident.channelId!;

        await h.people.ana.ask('/incident', 'update Rolled back; errors dropping', channel);
        clock.set('2025-04-07T10:30:00Z');
        await new Promise((r) => setTimeout(r, 2_500));

        expect(updatesIn(h, channel)).toHaveLength(1);
        expect(
          await new KyselyUpdateOutbox(h.store.db).claimStale('2025-04-07T11:00:00Z', '2025-04-07T10:30:00Z'),
        ).toEqual([]);
      });
    },
  );
}
