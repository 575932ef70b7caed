import type { UserNameCache } from '#src/ports.ts';

/** `UserNameCache` in memory, as `KyselyUserNames` keeps it: a name (or a known "no name") until it expires. */
export class MemoryUserNameCache implements UserNameCache {
  readonly names = new Map<string, { name: string | null; expiresAt: string }>();

  async getName(userId: string, now: string): Promise<{ name: string | null } | null> {
    const row = this.names.get(userId);
    return row && row.expiresAt > now ? { name: row.name } : null;
  }

  async setName(userId: string, name: string | null, expiresAt: string): Promise<void> {
    this.names.set(userId, { name, expiresAt });
  }
}
