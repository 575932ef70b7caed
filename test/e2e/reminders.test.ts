import { afterEach, describe, expect, it } from 'vitest';
import { eventually, FakeClock, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote, git, remoteFile, remoteLog } from '../helpers/git-repos.ts';
import { freshPostgresSchema, postgresFactory } from '../helpers/stores.ts';

const rca = (owners: { ana: string; ben: string }) => `---
title: "2030-04-20 - Checkout outage"
date: 2030-04-20
severity: P2
services: [checkout]
tags: [rca]
status: resolved
author: SRE
---

# 2030-04-20 - Checkout outage

## Action Items

| Priority | Action | Owner | Due Date |
|----------|--------|-------|----------|
| P1 | Add checkout alert | <@${owners.ana}> | 2030-05-08 |
| P2 | Write runbook | ${owners.ben} | May 8, 2030 |
| P2 | Review retries | Payments Team | 2030-05-08 |
| P3 | Nobody owns this | Ghost Squad | 2030-05-08 |
| P3 | Unclear date | <@${owners.ana}> | 05/04/2030 |

## Related Incidents

- none
`;

describe('action-item reminders through the emulator', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  async function start(options: { clock: FakeClock; pg?: boolean }) {
    const bare = bareRemote();
    const pg = options.pg ? await freshPostgresSchema() : null;
    let fallback = '';
    let payments = '';
    h = await startHarness({
      rcaRepo: bare,
      clock: options.clock,
      ...(pg ?? {}),
      configFor: (slack, people) => {
        const ops = people.cho.createChannel('ops-alerts');
        ops.members.add(slack.workspace.botUserId);
        const team = people.cho.createChannel('payments');
        team.members.add(slack.workspace.botUserId);
        fallback = ops.id;
        payments = team.id;
        return {
          reminders: { timeZone: 'Europe/Berlin', fallbackChannel: ops.id, owners: { 'Payments Team': team.id } },
        };
      },
    });
    const seed = `${bare}-work`;
    git(bare, 'clone', '-q', bare, seed);
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(`${seed}/RCAs`, { recursive: true });
    writeFileSync(`${seed}/RCAs/2030-04-20-checkout-outage.md`, rca({ ana: h.people.ana.id, ben: 'ben@example.com' }));
    git(seed, 'add', '.');
    git(seed, 'commit', '-qm', 'Hand-written RCA');
    git(seed, 'push', '-q', 'origin', 'main');
    return { bare, fallback, payments };
  }

  const messagesIn = (channelId: string, text: string) =>
    h.slack.workspace.channels.get(channelId)?.messages.filter((m) => m.text.includes(text) && !m.threadTs) ?? [];
  const dm = (userId: string, text: string) => messagesIn(h.slack.workspace.imWith(userId).id, text);

  async function runOn(clock: FakeClock, day: string) {
    clock.set(`${day}T07:00:00Z`);
    return h.bot.runReminders();
  }

  it('reminds once per stage, across days, a time zone and a restart', async () => {
    const clock = new FakeClock(new Date('2030-04-29T07:00:00Z'));
    const { fallback, payments } = await start({ clock });
    const sentOn: Record<string, number> = {};

    for (let d = Date.UTC(2030, 3, 29); d <= Date.UTC(2030, 5, 10); d += 86_400_000) {
      const day = new Date(d).toISOString().slice(0, 10);
      const before = dm(h.people.ana.id, 'Add checkout alert').length;
      await runOn(clock, day);
      if (day === '2030-05-08') {
        await h.restart();
        await runOn(clock, day);
      }
      const after = dm(h.people.ana.id, 'Add checkout alert').length;
      if (after > before) sentOn[day] = after - before;
    }

    expect(sentOn).toEqual({
      '2030-05-01': 1,
      '2030-05-07': 1,
      '2030-05-08': 1,
      '2030-05-09': 1,
      '2030-05-16': 1,
      '2030-05-23': 1,
      '2030-05-30': 1,
    });
    expect(dm(h.people.ben.id, 'Write runbook')).toHaveLength(7);
    expect(messagesIn(payments, 'Review retries')).toHaveLength(7);
    const attention = messagesIn(fallback, 'need attention');
    expect(attention.map((m) => m.text).join('\n')).toContain('Ghost Squad');
    expect(attention.map((m) => m.text).join('\n')).toContain('05/04/2030');
    expect(attention.filter((m) => m.text.includes('Unclear date'))).toHaveLength(1);
  });

  it('takes the day in the configured time zone: 23:30 UTC is already tomorrow in Berlin', async () => {
    const clock = new FakeClock(new Date('2030-04-30T21:00:00Z'));
    await start({ clock });

    clock.set('2030-04-30T21:00:00Z');
    await h.bot.runReminders();
    const atEleven = dm(h.people.ana.id, 'Add checkout alert').length;
    clock.set('2030-04-30T22:30:00Z');
    await h.bot.runReminders();

    expect(atEleven).toBe(0);
    expect(dm(h.people.ana.id, 'Add checkout alert')).toHaveLength(1);
  });

  it('stops after Done: the commit changes only that row', async () => {
    const clock = new FakeClock(new Date('2030-05-01T07:00:00Z'));
    const { bare } = await start({ clock });
    await runOn(clock, '2030-05-01');
    const [reminder] = dm(h.people.ana.id, 'Add checkout alert');
    const before = remoteFile(bare, 'RCAs/2030-04-20-checkout-outage.md')!;

    await h.people.ana.pressButton(h.slack.workspace.imWith(h.people.ana.id).id, reminder!.ts, 'reminder_done');

    const after = await eventually(() => {
      const text = remoteFile(bare, 'RCAs/2030-04-20-checkout-outage.md')!;
      expect(text).not.toBe(before);
      return text;
    }, 30_000);
    const changed = before
      .split('\n')
      .map((line, i) => (line === after.split('\n')[i] ? null : i + 1))
      .filter(Boolean);
    expect(changed).toEqual([17]);
    expect(after.split('\n')[16]).toBe(`| P1 | ~~Add checkout alert~~ | <@${h.people.ana.id}> | 2030-05-08 |`);
    expect(remoteLog(bare)[0]).toMatch(/^Mark action item done in RCAs\/2030-04-20-checkout-outage\.md:17/);
    await eventually(() =>
      expect(
        h.slack.workspace
          .imWith(h.people.ana.id)
          .messages.some((m) => m.threadTs === reminder!.ts && m.text.includes('Marked done')),
      ).toBe(true),
    );
    for (const day of ['2030-05-07', '2030-05-08', '2030-05-09']) await runOn(clock, day);
    expect(dm(h.people.ana.id, 'Add checkout alert')).toHaveLength(1);
    expect(dm(h.people.ben.id, 'Write runbook')).toHaveLength(4);
  });

  it('sends nothing while snoozed, then one reminder when the snooze ends', async () => {
    const clock = new FakeClock(new Date('2030-05-07T07:00:00Z'));
    await start({ clock });
    await runOn(clock, '2030-05-07');
    const [reminder] = dm(h.people.ana.id, 'Add checkout alert');

    await h.people.ana.pressButton(h.slack.workspace.imWith(h.people.ana.id).id, reminder!.ts, 'reminder_snooze_1w');
    await eventually(() =>
      expect(h.slack.workspace.imWith(h.people.ana.id).messages.some((m) => m.text.includes('Snoozed'))).toBe(true),
    );
    const counts: number[] = [];
    for (const day of ['2030-05-08', '2030-05-09', '2030-05-13', '2030-05-14', '2030-05-15', '2030-05-16']) {
      await runOn(clock, day);
      counts.push(dm(h.people.ana.id, 'Add checkout alert').length);
    }

    expect(counts).toEqual([1, 1, 1, 2, 2, 3]);
  });

  it.skipIf(!postgresFactory.available)('keeps the ledger in PostgreSQL too', async () => {
    const clock = new FakeClock(new Date('2030-05-01T07:00:00Z'));
    await start({ clock, pg: true });

    await runOn(clock, '2030-05-01');
    await h.restart();
    await runOn(clock, '2030-05-01');

    expect(dm(h.people.ana.id, 'Add checkout alert')).toHaveLength(1);
  });
});
