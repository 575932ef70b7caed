import { afterEach, describe, expect, it } from 'vitest';
import {
  declareFromNewChannel,
  eventually,
  FakeClock,
  type Harness,
  rcaPathOf,
  startHarness,
} from '../helpers/bot-harness.ts';
import { bareRemote, remoteFile, remoteLog } from '../helpers/git-repos.ts';
import { manifestSlack, textsIn } from '../helpers/manifest-slack.ts';
import { seedRemote } from '../helpers/seed-remote.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

const publicRca = `---\ntitle: "2030-04-21 - Open outage"\ndate: 2030-04-21\nseverity: P2\nservices: [web]\ntags: [rca]\nstatus: resolved\nauthor: SRE\n---\n\n# Open outage\n\n## Action Items\n\n| Priority | Action | Owner | Due Date |\n|---|---|---|---|\n| P2 | Public audit logs | Platform Team | 2030-05-02 |\n| P3 | Public nobody | | 2030-05-02 |\n`;

for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(
    `reminders for RCAs in incident.private.repo (${store})`,
    () => {
      let h: Harness;
      afterEach(async () => {
        await h?.stop();
      });

      async function start() {
        const bare = bareRemote();
        const secret = bareRemote();
        const pg = store === 'postgres' ? await freshPostgresSchema() : null;
        const ids: Record<string, string> = {};
        const clock = new FakeClock(new Date('2030-05-01T07:00:00Z'));
        h = await startHarness({
          slack: await manifestSlack(),
          rcaRepo: bare,
          env: { RCA_PRIVATE_REPO: secret },
          clock,
          ...(pg ?? {}),
          configFor: (slack, people) => {
            for (const name of ['digest', 'fallback']) {
              const channel = people.cho.createChannel(name);
              channel.members.add(slack.workspace.botUserId);
              ids[name] = channel.id;
            }
            return {
              incident: { private: { commit: 'on-resolve' } },
              reminders: { digestChannels: { 'Platform Team': ids['digest'] }, fallbackChannel: ids['fallback'] },
            };
          },
        });
        seedRemote(bare, { 'RCAs/2030-04-21-open-outage.md': publicRca });
        return { bare, secret, ids, clock };
      }

      /** A private incident with three action items due tomorrow, resolved: its RCA goes to the private repository. */
      async function resolvePrivateIncident(): Promise<string> {
        const { ana, ben } = h.people;
        const incident = await declareFromNewChannel(h, 'declare --private sev1 Leaked deploy key');
        const channel = incident.channelId!;
        await ana.ask('/incident', `action Secret rotate the signing key owner:${ben.mention} due:2030-05-02`, channel);
        await ana.ask('/incident', `action Secret revoke old tokens owner:${ana.mention} due:2030-05-02`, channel);
        await ana.ask('/incident', 'action Secret audit logs owner:"Platform Team" due:2030-05-02', channel);
        await ana.ask('/incident', 'action Secret nobody owns this due:2030-05-02', channel);
        await ana.ask('/incident', 'resolve Rotated the keys', channel);
        return rcaPathOf(h, incident.id);
      }

      const topLevel = (userId: string, text: string) =>
        h.slack.workspace.imWith(userId).messages.filter((m) => !m.threadTs && m.text.includes(text));

      it('reminds the owner by DM; Done commits the mark to the private repository; nothing reaches the digest or the fallback channel', async () => {
        const { bare, secret, ids, clock } = await start();
        const { ana, ben } = h.people;
        const path = await resolvePrivateIncident();
        expect(path).toMatch(/^RCAs\/private\/2030-05-01-leaked-deploy-key\.md$/);
        expect(remoteFile(secret, path)).toContain('Secret rotate the signing key');
        expect(remoteFile(bare, path)).toBeNull();

        const summary = await h.bot.runReminders();
        await h.bot.runDigest();

        expect(summary.ran).toBe(true);
        const [reminder] = topLevel(ben.id, 'Secret rotate the signing key');
        expect(reminder).toBeTruthy();
        const values = JSON.stringify(reminder!.blocks);
        expect(values).toContain('reminder_done');
        expect(values).toContain('/private-repo/RCAs/private/');
        expect(values).not.toContain('Secret revoke old tokens');
        expect(topLevel(ana.id, 'Secret revoke old tokens')).toHaveLength(1);
        expect(summary.sent).toBeGreaterThanOrEqual(2);
        const digest = textsIn(h, ids['digest']!).join('\n');
        const fallback = textsIn(h, ids['fallback']!).join('\n');
        // The public RCA's items do reach both channels, so the private ones were left out, not lost.
        expect(digest).toContain('Public audit logs');
        expect(fallback).toContain('Public nobody');
        for (const posted of [digest, fallback]) {
          expect(posted).not.toContain('Secret');
          expect(posted).not.toContain('leaked-deploy-key');
        }

        await ben.openHome();
        await ana.openHome();
        const home = (user: string) =>
          eventually(() => {
            const view = h.slack.workspace.views.get(`home-${user}`);
            expect(view).toBeTruthy();
            return JSON.stringify(view!.view);
          });
        expect(await home(ben.id)).toContain('Secret rotate the signing key');
        expect(await home(ben.id)).not.toContain('Secret revoke old tokens');
        expect(await home(ana.id)).toContain('Secret revoke old tokens');
        expect(await home(ana.id)).not.toContain('Secret rotate the signing key');

        const mainLogBefore = remoteLog(bare);
        await ben.pressButton(h.slack.workspace.imWith(ben.id).id, reminder!.ts, 'reminder_done');
        await eventually(
          () =>
            expect(remoteLog(secret)[0]).toMatch(
              /^Mark action item done in RCAs\/private\/2030-05-01-leaked-deploy-key\.md:\d+/,
            ),
          10_000,
        );
        expect(remoteFile(secret, path)).toMatch(/~~Secret rotate the signing key~~/);
        expect(remoteFile(secret, path)).not.toMatch(/~~Secret revoke old tokens~~/);
        expect(remoteLog(bare)).toEqual(mainLogBefore);
        await eventually(() =>
          expect(
            h.slack.workspace
              .imWith(ben.id)
              .messages.some(
                (m) =>
                  m.threadTs === reminder!.ts &&
                  m.text.includes(
                    "Marked done in RCAs/private/2030-05-01-leaked-deploy-key.md of the private incidents' repository",
                  ),
              ),
          ).toBe(true),
        );

        const [anaReminder] = topLevel(ana.id, 'Secret revoke old tokens');
        await ana.pressButton(h.slack.workspace.imWith(ana.id).id, anaReminder!.ts, 'reminder_snooze_1w');
        await eventually(() =>
          expect(h.slack.workspace.imWith(ana.id).messages.some((m) => m.text.includes('Snoozed'))).toBe(true),
        );

        // On the due day, neither comes again: Ben's is done in the private file, Ana's is snoozed.
        clock.set('2030-05-02T07:00:00Z');
        await h.bot.runReminders();
        expect(topLevel(ben.id, 'Secret rotate the signing key')).toHaveLength(1);
        expect(topLevel(ana.id, 'Secret revoke old tokens')).toHaveLength(1);
        expect(await h.store.listSnoozes()).toEqual(
          new Map([[`/private-repo/${path}#secret revoke old tokens`, '2030-05-08']]),
        );
      });

      it("keeps both repositories' rows of the scan cache across a restart: neither index wipes the other's", async () => {
        const { secret } = await start();
        const path = await resolvePrivateIncident();
        // Pushed by a person after the bot cloned it: the run pulls the private repository too.
        seedRemote(secret, {
          'RCAs/2030-04-22-hand-written.md': publicRca
            .replace('Public audit logs', 'Hushed hand-written item')
            .replace('| Platform Team |', `| <@${h.people.ben.id}> |`),
        });
        const first = await h.bot.runReminders();
        const rows = async () => (await h.store.loadScanCache()).map((row) => row.path).sort();
        const cached = await rows();

        await h.restart();
        const again = await h.bot.runReminders();

        // How many files `first` parsed itself depends on timing (the related-RCA lookup of the declare
        // may have read some already), but the hand-written one came with the run's pull; the cache
        // rows below show all three were read. (A run that did not run at all was another schema's
        // test holding the database-wide advisory lock: the locks are keyed by schema now.)
        expect(first.ran).toBe(true);
        expect(first.parsed).toBeGreaterThanOrEqual(1);
        expect(topLevel(h.people.ben.id, 'Hushed hand-written item')).toHaveLength(1);
        expect(cached).toEqual(
          expect.arrayContaining([
            'RCAs/2030-04-21-open-outage.md',
            `/private-repo/${path}`,
            '/private-repo/RCAs/2030-04-22-hand-written.md',
          ]),
        );
        expect(await rows()).toEqual(cached);
        // Nothing was read again after the restart: every file's result came from the store.
        expect(again.parsed).toBe(0);
      });
    },
  );
}
