import { afterEach, describe, expect, it } from 'vitest';
import { addPerson } from '#emulator/person.ts';
import { eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';

describe('responders Slack will not invite', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('declares anyway, in one channel, inviting 150 responders in two calls and naming each refused one with the reason', async () => {
    const refused: Record<string, string> = {};
    let everyone: string[] = [];
    h = await startHarness({
      configFor: (slack) => {
        const ok = Array.from({ length: 146 }, (_, i) => addPerson(slack, `responder${i}`).id);
        const bob = addPerson(slack, 'bob', 'bob@example.com', { guest: 'multi' }).id;
        const sid = addPerson(slack, 'sid', 'sid@example.com', { guest: 'single' });
        sid.createChannel('sid-only');
        const dee = addPerson(slack, 'dee', 'dee@example.com', { deleted: true }).id;
        const eve = addPerson(slack, 'eve', 'eve@example.com', { inviteError: 'no_permission' }).id;
        Object.assign(refused, { bob, sid: sid.id, dee, eve });
        everyone = ok;
        return { incident: { responders: [...ok, bob, sid.id, dee, eve] } };
      },
    });
    const general = h.people.ana.createChannel('general');

    const answer = await h.people.ana.ask('/incident', 'declare sev1 Guests everywhere', general.id);

    const channels = [...h.slack.workspace.channels.values()].filter((c) => c.name.includes('guests-everywhere'));
    expect(channels).toHaveLength(1);
    const channel = channels[0]!;
    await eventually(() => expect(channel.pins.size).toBe(1));
    expect(answer).toMatch(/^Declared <#C\w+>\. I invited you there\.\nNot invited: /);
    const notInvited = answer.split('\n')[1]!;
    expect(notInvited).toContain(`<@${refused['bob']}> is a guest and cannot be invited`);
    expect(notInvited).toContain(`<@${refused['sid']}> is a single-channel guest`);
    expect(notInvited).toContain(`<@${refused['dee']}> cannot be invited to this channel`);
    expect(notInvited).toContain(`<@${refused['eve']}> cannot be invited by the bot (no permission)`);
    for (const id of [h.people.ana.id, ...everyone]) expect(channel.members.has(id)).toBe(true);
    const invites = h.slack.calls.filter((c) => c.method === 'conversations.invite');
    expect(invites).toHaveLength(2);
    expect(invites.every((c) => String(c.args['force']) === 'true')).toBe(true);
  });

  it('declares when every responder is refused, and says so', async () => {
    let guest = '';
    h = await startHarness({
      configFor: (slack) => {
        guest = addPerson(slack, 'gus', 'gus@example.com', { guest: 'multi' }).id;
        return { incident: { responders: [guest] } };
      },
    });
    const general = h.people.ana.createChannel('general');

    const answer = await h.people.ana.ask('/incident', 'declare sev2 Lonely', general.id);

    expect(answer).toContain(`Not invited: <@${guest}> is a guest and cannot be invited`);
    expect([...h.slack.workspace.channels.values()].filter((c) => c.name.includes('lonely'))).toHaveLength(1);
  });
});
