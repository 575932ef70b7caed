import { afterEach, describe, expect, it } from 'vitest';
import { RCA_HELD_TEXT } from '#use-cases/private-rca-commit.ts';
import { declareFromNewChannel, eventually, type Harness, rcaPathOf, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote, remoteFile, remoteLog } from '../helpers/git-repos.ts';
import { manifestSlack, startBroadcastHarness, textsIn } from '../helpers/manifest-slack.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

for (const store of ['sqlite', 'postgres'] as const) {
  describe.skipIf(store === 'postgres' && !postgresFactory.available)(`private incidents' RCAs (${store})`, () => {
    let h: Harness;
    afterEach(async () => {
      await h?.stop();
    });

    it('commits nothing on resolve, then the draft into RCAs/private once someone in the channel runs /incident rca, its link never broadcast', async () => {
      const bare = bareRemote();
      const started = await startBroadcastHarness(store, { rcaRepo: bare });
      h = started.h;
      const { ids } = started;
      const { ana, ben } = h.people;
      const incident = await declareFromNewChannel(h, 'declare --private sev1 Leaked deploy key');
      const channel = incident.channelId!;
      ben.join(channel);
      const first = await ben.post(channel, 'The key was in a public gist');
      await ana.react(channel, first, 'pushpin');
      await ana.ask('/incident', 'note Rotated every deploy key', channel);
      await eventually(async () =>
        expect((await h.store.listTimeline(incident.id)).some((e) => e.key.endsWith(first) && !e.pending)).toBe(true),
      );

      await ana.ask('/incident', 'resolve Rotated the keys', channel);

      await eventually(() => expect(textsIn(h, channel).some((t) => t.includes(RCA_HELD_TEXT))).toBe(true));
      expect((await h.store.getIncident(incident.id))!.rcaPath).toBeNull();
      expect(remoteLog(bare).some((line) => line.includes('RCA draft'))).toBe(false);

      expect(await ben.ask('/incident', 'rca', channel)).toContain('RCA draft requested');
      const path = await rcaPathOf(h, incident.id);
      expect(path).toMatch(/^RCAs\/private\/\d{4}-\d{2}-\d{2}-leaked-deploy-key\.md$/);
      const rca = remoteFile(bare, path)!;
      expect(rca).toContain('The key was in a public gist');
      expect(rca).toContain('Rotated every deploy key');
      await eventually(() => expect(textsIn(h, channel).some((t) => t.includes('RCA draft committed'))).toBe(true));
      expect(textsIn(h, ids['announce']!)).toEqual([]);
      expect(textsIn(h, ids['sev1-only']!)).toEqual([]);
    });

    it('commits on resolve into a repository of its own when incident.private.repo and commit: on-resolve are set', async () => {
      const bare = bareRemote();
      const secret = bareRemote();
      const pg = store === 'postgres' ? await freshPostgresSchema() : null;
      h = await startHarness({
        slack: await manifestSlack(),
        rcaRepo: bare,
        env: { RCA_PRIVATE_REPO: secret },
        ...(pg ?? {}),
        config: { incident: { private: { commit: 'on-resolve' } } },
      });
      const incident = await declareFromNewChannel(h, 'declare --private sev2 Harassment report');

      await h.people.ana.ask('/incident', 'resolve Handled by HR', incident.channelId!);

      const path = await rcaPathOf(h, incident.id);
      expect(path).toMatch(/^RCAs\/private\/.*harassment-report\.md$/);
      expect(remoteFile(secret, path)).toContain('Harassment report');
      expect(remoteFile(bare, path)).toBeNull();
    });
  });
}
