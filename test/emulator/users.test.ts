import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';
import { callApi } from './web-api-call.ts';

describe('people as users.* shows them', () => {
  let slack: SlackEmulator;
  beforeEach(async () => {
    slack = await startSlackEmulator();
  });
  afterEach(() => slack.stop());

  it('answers a lookup by email with the error set for that person, and others as usual', async () => {
    addPerson(slack, 'ent', 'ent@example.com', { lookupError: 'enterprise_is_restricted' });
    const ana = addPerson(slack, 'ana');

    const refused = await callApi(slack, 'users.lookupByEmail', { email: 'ent@example.com' });
    const found = await callApi(slack, 'users.lookupByEmail', { email: 'ANA@example.com' });
    const missing = await callApi(slack, 'users.lookupByEmail', { email: 'nobody@example.com' });

    expect(refused.body['error']).toBe('enterprise_is_restricted');
    expect((found.body['user'] as { id: string }).id).toBe(ana.id);
    expect(missing.body['error']).toBe('users_not_found');
  });

  it('shows guests and deactivated people as Slack flags them', async () => {
    const guest = addPerson(slack, 'gus', undefined, { guest: 'single' });
    const gone = addPerson(slack, 'dee', undefined, { deleted: true });

    const g = await callApi(slack, 'users.info', { user: guest.id });
    const d = await callApi(slack, 'users.info', { user: gone.id });

    expect(g.body['user']).toMatchObject({ is_restricted: true, is_ultra_restricted: true, deleted: false });
    expect(d.body['user']).toMatchObject({ is_restricted: false, deleted: true });
  });
});
