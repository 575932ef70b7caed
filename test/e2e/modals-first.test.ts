import { afterEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '#emulator/slack-emulator.ts';
import { declareFromNewChannel, eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';

/** The calls the bot made from `from` on, by method. */
const methodsSince = (slack: SlackEmulator, from: number) => slack.calls.slice(from).map((c) => c.method);

const viewOf = (h: Harness, userId: string) =>
  [...h.slack.workspace.views.values()].reverse().find((v) => v.type === 'modal' && v.userId === userId);

describe('a form opens before anything slow', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  async function start() {
    let group = '';
    h = await startHarness({
      configFor: (slack, people) => {
        group = slack.workspace.nextId('S');
        slack.workspace.usergroups.set(group, { id: group, handle: 'incident-leads', users: [people.ben.id] });
        return { incident: { restrictTo: group } };
      },
    });
    return group;
  }

  it('opens the resolve form first, then pages the members and asks for the user group, and shows a refusal in the form', async () => {
    await start();
    const ben = { ...h.people, ana: h.people.ben };
    const incident = await declareFromNewChannel({ ...h, people: ben }, 'declare sev2 Checkout latency');
    const channel = h.slack.workspace.channels.get(incident.channelId!)!;
    for (let i = 0; i < 700; i += 1) channel.members.add(`U9${String(i).padStart(6, '0')}`);
    h.people.ana.join(channel.id);
    await new Promise((r) => setTimeout(r, 300));
    const from = h.slack.calls.length;

    await h.people.ana.slash('/incident', 'resolve', channel.id);

    const view = await eventually(() => {
      const v = viewOf(h, h.people.ana.id);
      expect(JSON.stringify(v?.view)).toContain('Not allowed');
      return v!;
    });
    const methods = methodsSince(h.slack, from);
    expect(methods[0]).toBe('views.open');
    expect(methods.indexOf('conversations.members')).toBeGreaterThan(0);
    expect(methods.filter((m) => m === 'conversations.members').length).toBeGreaterThan(1);
    expect(methods.indexOf('usergroups.users.list')).toBeGreaterThan(methods.indexOf('conversations.members'));
    expect(methods.indexOf('views.update')).toBeGreaterThan(methods.indexOf('usergroups.users.list'));
    expect(JSON.stringify(view.view)).toContain('can resolve incidents here');
    expect((await h.store.getIncident(incident.id))?.resolvedAt).toBeNull();
  });

  it('opens the declare form before the user-group check, and replaces it with the refusal', async () => {
    await start();
    const general = h.people.ana.createChannel('general');
    const from = h.slack.calls.length;

    await h.people.ana.slash('/incident', 'declare', general.id);
    await eventually(() => expect(JSON.stringify(viewOf(h, h.people.ana.id)?.view)).toContain('Not allowed'));

    const methods = methodsSince(h.slack, from);
    expect(methods.slice(0, 3)).toEqual(['views.open', 'usergroups.users.list', 'views.update']);
    expect(await h.store.listIncidents({})).toEqual([]);
  });
});
