import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson } from '#emulator/person.ts';
import { declareFromNewChannel, type Harness, startHarness } from '../helpers/bot-harness.ts';

describe('a new role holder Slack will not invite (conversations.invite refuses)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('gives the role, and tells the person the holder is not in the channel and why', async () => {
    const guest = addPerson(h.slack, 'gus', 'gus@example.com', { guest: 'multi' });
    const incident = await declareFromNewChannel(h, 'declare P2 Role invite check');

    const answer = await h.people.ana.ask('/incident', `lead <@${guest.id}|gus>`, incident.channelId!);

    expect(answer).toBe(
      `<@${guest.id}> is now lead.\nNot invited: <@${guest.id}> is a guest and cannot be invited. Ask a workspace admin, or invite them by hand if they should be there.`,
    );
    expect((await h.store.getIncident(incident.id))?.roles['lead']).toBe(guest.id);
    expect(h.slack.workspace.channels.get(incident.channelId!)!.members.has(guest.id)).toBe(false);
  });

  it('says nothing more when the holder could be invited', async () => {
    const incident = await declareFromNewChannel(h, 'declare P2 Role invite fine');

    const answer = await h.people.ana.ask('/incident', `lead ${h.people.ben.mention}`, incident.channelId!);

    expect(answer).toBe(`<@${h.people.ben.id}> is now lead.`);
  });
});
