import { afterEach, describe, expect, it } from 'vitest';
import { addPerson } from '#emulator/person.ts';
import type { SlackEmulator } from '#emulator/slack-emulator.ts';
import { declareFromNewChannel, eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { bareRemote } from '../helpers/git-repos.ts';

const rca = (owners: string[], due: string) => `---
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
${owners.map((o, i) => `| P2 | Follow-up ${i} | ${o} | ${due} |`).join('\n')}
`;

async function exhaustTier(slack: SlackEmulator, method: string, args: Record<string, string>): Promise<void> {
  for (;;) {
    const response = await fetch(`${slack.apiUrl}${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${slack.botToken}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(args).toString(),
    });
    if (response.status === 429) return;
  }
}

describe('a reminder run held up by 429s', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('never delays a command reply, a modal or a timeline confirmation, and reminds everyone in the end', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const emails = Array.from({ length: 20 }, (_, i) => `owner${i}@example.com`);
    h = await startHarness({
      rcaRepo: bareRemote({ 'RCAs/2030-04-20-checkout-outage.md': rca(emails, today) }),
      configFor: (slack) => {
        for (const [i, email] of emails.entries()) addPerson(slack, `owner${i}`, email);
        return {};
      },
    });
    const incident = await declareFromNewChannel(h, 'declare sev2 Busy Slack');
    const message = await h.people.ana.post(incident.channelId!, 'Deploy rolled back');
    await exhaustTier(h.slack, 'users.lookupByEmail', { email: emails[0]! });
    const general = h.people.ana.createChannel('general');

    const exhausted = h.slack.calls.length;
    const run = h.bot.runReminders();
    await eventually(() => {
      const fromTheRun = h.slack.calls.slice(exhausted);
      expect(fromTheRun.some((c) => c.method === 'users.lookupByEmail' && c.status === 429)).toBe(true);
    }, 20_000);
    const askedAt = Date.now();
    const reply = await h.people.ana.ask('/incident', 'list', general.id);
    const replyMs = Date.now() - askedAt;
    const commandAt = Date.now();
    await h.people.ana.slash('/incident', 'declare', general.id);
    const modal = await eventually(() => {
      const call = h.slack.calls.find((c) => c.method === 'views.open' && c.at >= commandAt);
      expect(call?.ok).toBe(true);
      return call!;
    });
    const pinnedAt = Date.now();
    await h.people.ana.react(incident.channelId!, message, 'pushpin');
    const confirmation = await eventually(() => {
      const call = h.slack.calls.find((c) => c.method === 'reactions.add' && c.at >= pinnedAt);
      expect(call?.ok).toBe(true);
      return call!;
    });
    const runStillWaiting = h.slack.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.args['channel'] !== incident.channelId,
    ).length;
    const summary = await run;

    expect(reply).toContain('Open incidents');
    expect(replyMs).toBeLessThan(1000);
    expect(modal.at - commandAt).toBeLessThan(1000);
    expect(confirmation.at - pinnedAt).toBeLessThan(1000);
    expect(runStillWaiting).toBe(0);
    expect(summary.sent).toBe(20);
  });
});
