import { afterEach, describe, expect, it } from 'vitest';
import { startSlackEmulator } from '#emulator/slack-emulator.ts';
import { eventually, FakeClock, type Harness, manifestScopes, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote } from '../helpers/git-repos.ts';

const RCA = `---
title: "2030-04-20 - Checkout outage"
date: 2030-04-20
severity: P2
services: [checkout]
status: resolved
---

# 2030-04-20 - Checkout outage

## Action Items

| Priority | Action | Owner | Due Date |
|----------|--------|-------|----------|
| P1 | Look up by email | ben@example.com | 2030-05-08 |
| P2 | Team channel | Payments Team | 2030-05-08 |
`;

describe('an owner whose lookup fails', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('goes to needs-attention with the reason, the run goes on for everyone else, and the lookup is cached once it works', async () => {
    // The app was installed without users:read.email: users.lookupByEmail answers missing_scope.
    const slack = await startSlackEmulator({ scopes: manifestScopes().filter((s) => s !== 'users:read.email') });
    const clock = new FakeClock(new Date('2030-05-08T07:00:00Z'));
    let fallback = '';
    let team = '';
    h = await startHarness({
      slack,
      clock,
      rcaRepo: bareRemote({ 'RCAs/2030-04-20-checkout-outage.md': RCA }),
      configFor: (s, people) => {
        const ops = people.cho.createChannel('ops-alerts');
        const payments = people.cho.createChannel('payments');
        for (const c of [ops, payments]) c.members.add(s.workspace.botUserId);
        fallback = ops.id;
        team = payments.id;
        return { reminders: { fallbackChannel: ops.id, owners: { 'Payments Team': payments.id } } };
      },
    });
    const dm = (userId: string, text: string) =>
      h.slack.workspace.imWith(userId).messages.filter((m) => m.text.includes(text) && !m.threadTs);

    const summary = await h.bot.runReminders();

    expect(summary.sent).toBe(1);
    expect(h.slack.workspace.channels.get(team)!.messages.filter((m) => m.text.includes('Team channel'))).toHaveLength(
      1,
    );
    const attention = h.slack.workspace.channels
      .get(fallback)!
      .messages.map((m) => m.text)
      .join('\n');
    expect(attention).toContain('Look up by email');
    expect(attention).toContain('looking up owner "ben@example.com" in Slack failed');
    expect(attention).toContain('missing_scope');
    expect(h.logs.join('')).toContain('looking up an owner failed; the run goes on for everyone else');

    h.slack.options.scopes = manifestScopes();
    clock.set('2030-05-09T07:00:00Z');
    await h.bot.runReminders();
    clock.set('2030-05-09T15:00:00Z');
    await h.bot.runReminders();

    await eventually(() => expect(dm(h.people.ben.id, 'Look up by email').length).toBeGreaterThan(0));
    expect(h.slack.calls.filter((c) => c.method === 'users.lookupByEmail' && c.ok)).toHaveLength(1);
  });
});
