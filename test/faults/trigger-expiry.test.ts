import { afterEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '#emulator/slack-emulator.ts';
import { eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';

/** Spends a method's whole rate tier, as another part of the same app would. */
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

describe("a form's trigger_id lasts 3 seconds, and the checks before it are rate-limited", () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('opens the declare form at once while the user-group check waits out a 429, then declares', async () => {
    let group = '';
    h = await startHarness({
      configFor: (slack, people) => {
        group = slack.workspace.nextId('S');
        slack.workspace.usergroups.set(group, { id: group, handle: 'leads', users: [people.ana.id] });
        return { incident: { restrictTo: group } };
      },
    });
    const general = h.people.ana.createChannel('general');
    await exhaustTier(h.slack, 'usergroups.users.list', { usergroup: group });

    const started = Date.now();
    await h.people.ana.slash('/incident', 'declare', general.id);
    const opened = await eventually(() => {
      const call = h.slack.calls.find((c) => c.method === 'views.open');
      expect(call).toBeTruthy();
      return call!;
    });
    await eventually(() => {
      const checks = h.slack.calls.filter((c) => c.method === 'usergroups.users.list' && c.at > started);
      expect(checks.some((c) => c.ok)).toBe(true);
    }, 90_000);
    await h.people.ana.submitView({
      title: { title: { value: 'Paced but on time' } },
      severity: { severity: { selected_option: { value: 'P2' } } },
    });

    expect(opened.ok).toBe(true);
    expect(opened.at - started).toBeLessThan(3000);
    expect(h.slack.calls.some((c) => c.status === 429 && c.method === 'usergroups.users.list' && c.at > started)).toBe(
      true,
    );
    await eventually(async () => expect((await h.store.listIncidents({}))[0]?.summaryTs).toBeTruthy(), 30_000);
  });
});
