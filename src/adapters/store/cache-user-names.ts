import type { Chat, Clock, UserNameCache } from '#src/ports.ts';

const HOUR_MS = 3_600_000;

/**
 * `chat.userName` with the store's user-name cache in front: Slack (`users.info`) is asked only for a
 * name the store does not hold or holds for longer than `hours`, and what it says is kept for the next
 * time, by every replica and across restarts. A decorator of that one method; overlay it on the Chat.
 */
export function cacheUserNames(
  chat: Pick<Chat, 'userName'>,
  cache: UserNameCache,
  clock: Clock,
  hours: number,
): Pick<Chat, 'userName'> {
  return {
    async userName(userId) {
      const now = clock.now();
      const kept = await cache.getName(userId, now.toISOString());
      if (kept) return kept.name;
      const name = await chat.userName(userId);
      await cache.setName(userId, name, new Date(now.getTime() + hours * HOUR_MS).toISOString());
      return name;
    },
  };
}
