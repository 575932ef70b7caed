import type { BotConfig } from '#config/bot-config.ts';
import { parseOwnerRef } from '#domain/owner-ref.ts';
import type { Chat, OwnerResolver, OwnerTarget } from '#src/ports.ts';

/**
 * Owners as RCAs write them: a team name from `reminders.owners` (a person, a user group or a channel),
 * a Slack mention, an email (users.lookupByEmail) or an @handle. A user group reaches each member.
 */
export class SlackOwnerResolver implements OwnerResolver {
  constructor(
    private readonly chat: Chat,
    private readonly config: BotConfig,
  ) {}

  async resolve(owner: string): Promise<OwnerTarget[] | null> {
    const ref = parseOwnerRef(owner, this.config.reminders.owners);
    switch (ref.kind) {
      case 'user':
        return [{ kind: 'user', id: ref.id }];
      case 'channel':
        return [{ kind: 'channel', id: ref.id }];
      case 'usergroup': {
        const members = await this.chat.usergroupMembers(ref.id).catch(() => []);
        return members.length > 0 ? members.map((id) => ({ kind: 'user' as const, id })) : null;
      }
      case 'email': {
        const id = await this.chat.userIdByEmail(ref.email);
        return id ? [{ kind: 'user', id }] : null;
      }
      case 'handle': {
        const id = await this.chat.userIdByHandle(ref.handle);
        return id ? [{ kind: 'user', id }] : null;
      }
      case 'team':
        return null;
    }
  }
}
