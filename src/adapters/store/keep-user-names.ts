import type { Chat, Clock, UserNameCache } from '#src/ports.ts';

const HOUR_MS = 3_600_000;

/**
 * Puts the store's user-name cache in front of `chat.userName`: Slack (`users.info`) is asked only for
 * a name the store does not hold or holds for longer than `hours`, and what it says is kept for the
 * next time, by every replica and across restarts.
 */
export function keepUserNames(chat: Chat, cache: UserNameCache, clock: Clock, hours: number): void {
  const fromSlack = chat.userName.bind(chat);
  chat.userName = async (userId) => {
    const now = clock.now();
    const kept = await cache.getName(userId, now.toISOString());
    if (kept) return kept.name;
    const name = await fromSlack(userId);
    await cache.setName(userId, name, new Date(now.getTime() + hours * HOUR_MS).toISOString());
    return name;
  };
}
