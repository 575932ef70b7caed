import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, type Person } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import type { Channel } from '#emulator/workspace.ts';
import { callApi } from './web-api-call.ts';

describe('conversations.invite, person by person, as Slack documents it', () => {
  let slack: SlackEmulator;
  let ana: Person;
  let channel: Channel;
  beforeEach(async () => {
    slack = await startSlackEmulator();
    ana = addPerson(slack, 'ana');
    channel = slack.workspace.createChannel('inc-1', slack.workspace.botUserId);
  });
  afterEach(() => slack.stop());

  const invite = (users: string[], force?: boolean) =>
    callApi(slack, 'conversations.invite', {
      channel: channel.id,
      users: users.join(','),
      ...(force ? { force } : {}),
    });

  it('names each person who cannot be invited in errors, with Slack documented reason', async () => {
    const guest = addPerson(slack, 'gus', undefined, { guest: 'multi' });
    const single = addPerson(slack, 'sol', undefined, { guest: 'single' });
    slack.workspace.createChannel('elsewhere', single.id);
    const gone = addPerson(slack, 'dee', undefined, { deleted: true });
    const walled = addPerson(slack, 'wal', undefined, { inviteError: 'no_permission' });
    channel.members.add(ana.id);

    const { body } = await invite([guest.id, single.id, gone.id, walled.id, ana.id, 'U404', slack.workspace.botUserId]);

    expect(body).toEqual({
      ok: false,
      error: 'user_is_restricted',
      errors: [
        { user: guest.id, ok: false, error: 'user_is_restricted' },
        { user: single.id, ok: false, error: 'ura_max_channels' },
        { user: gone.id, ok: false, error: 'cant_invite' },
        { user: walled.id, ok: false, error: 'no_permission' },
        { user: ana.id, ok: false, error: 'already_in_channel' },
        { user: 'U404', ok: false, error: 'user_not_found' },
        { user: slack.workspace.botUserId, ok: false, error: 'cant_invite_self' },
      ],
    });
  });

  it('invites nobody when one id fails without force', async () => {
    const ben = addPerson(slack, 'ben');
    const guest = addPerson(slack, 'gus', undefined, { guest: 'multi' });

    const { body } = await invite([ben.id, guest.id]);

    expect(body['error']).toBe('user_is_restricted');
    expect(channel.members.has(ben.id)).toBe(false);
  });

  it('with force, invites the valid ones and answers the channel beside the errors', async () => {
    const ben = addPerson(slack, 'ben');
    const guest = addPerson(slack, 'gus', undefined, { guest: 'multi' });

    const { body } = await invite([ben.id, guest.id], true);

    expect(body).toMatchObject({ ok: true, errors: [{ user: guest.id, ok: false, error: 'user_is_restricted' }] });
    expect((body['channel'] as { id: string }).id).toBe(channel.id);
    expect([...channel.members]).toContain(ben.id);
    expect([...channel.members]).not.toContain(guest.id);
  });

  it('with force and every id failing, fails as without it', async () => {
    const guest = addPerson(slack, 'gus', undefined, { guest: 'multi' });

    const { body } = await invite([guest.id, 'U404'], true);

    expect(body).toMatchObject({ ok: false, error: 'user_is_restricted' });
  });

  it('takes 100 ids in one call and refuses 101', async () => {
    const people = Array.from({ length: 101 }, (_, i) => addPerson(slack, `p${i}`).id);

    const refused = await invite(people);
    const accepted = await invite(people.slice(0, 100));

    expect(refused.body).toEqual({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] no more than 100 items allowed [json-pointer:/users]'] },
    });
    expect(accepted.body['ok']).toBe(true);
    expect(channel.members.size).toBe(101);
  });

  it('refuses an archived channel with is_archived', async () => {
    channel.isArchived = true;

    const { body } = await invite([ana.id]);

    expect(body['error']).toBe('is_archived');
  });
});
