import { describe, expect, it } from 'vitest';
import { loadConfig } from '#config/load-config.ts';
import type { Incident } from '#domain/incident.ts';
import { authorizeChange } from '#use-cases/authorize-change.ts';
import type { Deps } from '#use-cases/deps.ts';

/** A Slack where C1 holds `members` and the user group S1 holds `group`. */
function depsWith(members: string[], group: string[], restrictTo: string): Pick<Deps, 'chat' | 'config'> {
  const loaded = loadConfig({}, { incident: { restrictTo } });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const chat = {
    isMember: async (channelId: string, userId: string) => channelId === 'C1' && members.includes(userId),
    usergroupMembers: async (id: string) => (id === 'S1' ? group : []),
  } as unknown as Deps['chat'];
  return { chat, config: loaded.config };
}

const incident = { id: 'inc-1', channelId: 'C1' } as Incident;

describe('authorizeChange', () => {
  it('lets a member of the incident channel change it', async () => {
    expect(await authorizeChange(depsWith(['U1'], [], ''), 'U1', 'severity', incident)).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('refuses someone outside the channel and says to join it', async () => {
    const outcome = await authorizeChange(depsWith(['U1'], [], ''), 'U2', 'status', incident);

    expect(outcome).toEqual({
      ok: false,
      message: 'Only people in <#C1> can change this incident. Join the channel first.',
    });
  });

  it('narrows declare, resolve and reopen to incident.restrictTo, and only those', async () => {
    const deps = depsWith(['U1', 'U2'], ['U1'], 'S1');

    expect((await authorizeChange(deps, 'U1', 'resolve', incident)).ok).toBe(true);
    expect(await authorizeChange(deps, 'U2', 'declare', null)).toEqual({
      ok: false,
      message:
        'Only members of <!subteam^S1> can declare incidents here. Ask one of them, or your Slack admin to add you.',
    });
    expect((await authorizeChange(deps, 'U2', 'reopen', incident)).ok).toBe(false);
    expect((await authorizeChange(deps, 'U2', 'severity', incident)).ok).toBe(true);
  });
});
