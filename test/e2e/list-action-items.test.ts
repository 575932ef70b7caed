import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, FakeClock, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote, git, remoteFile } from '../helpers/git-repos.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

/** A postmortem written the way most teams write one: action items as a bullet list. */
const rca = (ana: string) => `# Checkout outage

## Next steps

- Add a checkout alert (<@${ana}>, due 2030-05-08)
- Better monitoring of namespaces.
- ✅ Rotate the deploy keys — <@${ana}>, by 2030-05-01
`;

describe('action items written as a bullet list, through the emulator', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  async function start(pg: boolean) {
    const bare = bareRemote();
    const schema = pg ? await freshPostgresSchema() : null;
    let fallback = '';
    h = await startHarness({
      rcaRepo: bare,
      clock: new FakeClock(new Date('2030-05-01T07:00:00Z')),
      ...(schema ?? {}),
      configFor: (slack, people) => {
        const ops = people.cho.createChannel('ops-alerts');
        ops.members.add(slack.workspace.botUserId);
        fallback = ops.id;
        return { reminders: { timeZone: 'UTC', fallbackChannel: ops.id } };
      },
    });
    const seed = `${bare}-work`;
    git(bare, 'clone', '-q', bare, seed);
    mkdirSync(`${seed}/RCAs`, { recursive: true });
    writeFileSync(`${seed}/RCAs/2030-04-20-checkout-outage.md`, rca(h.people.ana.id));
    git(seed, 'add', '.');
    git(seed, 'commit', '-qm', 'Hand-written RCA');
    git(seed, 'push', '-q', 'origin', 'main');
    return { bare, fallback };
  }

  const messagesIn = (channelId: string, text: string) =>
    h.slack.workspace.channels.get(channelId)?.messages.filter((m) => m.text.includes(text) && !m.threadTs) ?? [];

  async function remindAndMarkDone(pg: boolean) {
    const { bare, fallback } = await start(pg);
    const im = h.slack.workspace.imWith(h.people.ana.id).id;

    await h.bot.runReminders();

    const [reminder] = messagesIn(im, 'Add a checkout alert');
    expect(reminder).toBeDefined();
    expect(messagesIn(im, 'Rotate the deploy keys')).toEqual([]);
    expect(
      messagesIn(fallback, 'need attention')
        .map((m) => m.text)
        .join('\n'),
    ).toContain('Better monitoring of namespaces.');

    await h.people.ana.pressButton(im, reminder!.ts, 'reminder_done');

    const after = await eventually(() => {
      const text = remoteFile(bare, 'RCAs/2030-04-20-checkout-outage.md')!;
      expect(text).not.toBe(rca(h.people.ana.id));
      return text;
    }, 30_000);
    expect(after).toBe(rca(h.people.ana.id).replace('- Add a checkout alert', '- ✅ Add a checkout alert'));
  }

  it('reminds the owner, lists the item with neither owner nor date, and Done adds a ✅ (SQLite)', () =>
    remindAndMarkDone(false));

  it.skipIf(!postgresFactory.available)('does the same on PostgreSQL', () => remindAndMarkDone(true));
});
