import type { OwnerLookups } from '#src/ports.ts';

/** `OwnerLookups` in memory, as `KyselyIncidentStore` keeps them: an answer until it expires, then none. */
export class MemoryOwnerLookups implements OwnerLookups {
  readonly lookups = new Map<string, { data: string; expiresAt: string }>();

  async getOwnerLookup(ownerKey: string, now: string): Promise<string | null> {
    const row = this.lookups.get(ownerKey);
    return row && row.expiresAt > now ? row.data : null;
  }

  async setOwnerLookup(ownerKey: string, data: string, expiresAt: string): Promise<void> {
    this.lookups.set(ownerKey, { data, expiresAt });
  }
}
