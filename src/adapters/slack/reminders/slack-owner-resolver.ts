import type { BotConfig } from '#config/bot-config.ts';
import { type OwnerRef, parseOwnerRef } from '#domain/owner-ref.ts';
import type { Chat, Clock, IncidentStore, OwnerResolver, OwnerTarget } from '#src/ports.ts';

/** How long an owner lookup Slack answered is kept; one it could not match is asked again sooner. */
export const OWNER_CACHE_TTL_MS = 24 * 60 * 60_000;
export const OWNER_MISS_TTL_MS = 60 * 60_000;

export interface OwnerCache {
  store: Pick<IncidentStore, 'getOwnerLookup' | 'setOwnerLookup'>;
  clock: Clock;
}

/**
 * Owners as RCAs write them: a team name from `reminders.owners` (a person, a user group or a channel),
 * a Slack mention, an email (users.lookupByEmail) or an @handle. A user group reaches each member.
 * What Slack answers for an email, a handle or a group is kept in the store, so a daily run of
 * hundreds of owners does not ask Tier 2 and 3 methods the same questions every day.
 */
export class SlackOwnerResolver implements OwnerResolver {
  constructor(
    private readonly chat: Chat,
    private readonly config: BotConfig,
    private readonly cache?: OwnerCache,
  ) {}

  async resolve(owner: string): Promise<OwnerTarget[] | null> {
    const ref = parseOwnerRef(owner, this.config.reminders.owners);
    switch (ref.kind) {
      case 'user':
        return [{ kind: 'user', id: ref.id }];
      case 'channel':
        return [{ kind: 'channel', id: ref.id }];
      case 'team':
        return null;
      default:
        return this.cached(ref, () => this.lookUp(ref));
    }
  }

  private async lookUp(ref: Extract<OwnerRef, { kind: 'usergroup' | 'email' | 'handle' }>) {
    switch (ref.kind) {
      case 'usergroup': {
        const members = await this.chat.usergroupMembers(ref.id);
        return members.length > 0 ? members.map((id) => ({ kind: 'user' as const, id })) : null;
      }
      case 'email': {
        const id = await this.chat.userIdByEmail(ref.email);
        return id ? [{ kind: 'user' as const, id }] : null;
      }
      case 'handle': {
        const id = await this.chat.userIdByHandle(ref.handle);
        return id ? [{ kind: 'user' as const, id }] : null;
      }
    }
  }

  private async cached(
    ref: Extract<OwnerRef, { kind: 'usergroup' | 'email' | 'handle' }>,
    lookUp: () => Promise<OwnerTarget[] | null>,
  ): Promise<OwnerTarget[] | null> {
    if (!this.cache) return lookUp();
    const key = `${ref.kind}:${ref.kind === 'usergroup' ? ref.id : ref.kind === 'email' ? ref.email : ref.handle}`;
    const now = this.cache.clock.now();
    const hit = await this.cache.store.getOwnerLookup(key, now.toISOString());
    if (hit !== null) return JSON.parse(hit) as OwnerTarget[] | null;
    const found = await lookUp();
    const ttl = found === null ? OWNER_MISS_TTL_MS : OWNER_CACHE_TTL_MS;
    await this.cache.store.setOwnerLookup(key, JSON.stringify(found), new Date(now.getTime() + ttl).toISOString());
    return found;
  }
}
