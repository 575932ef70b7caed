import { describe, expect, it } from 'vitest';
import type { OwnerLookups } from '#src/ports/store/owner-lookups.ts';
import type { RoleHandle } from './role-handle.ts';

/** What every `OwnerLookups` keeps: an answer until it expires. */
export function describeOwnerLookupsContract(name: string, make: () => Promise<RoleHandle<OwnerLookups>>): void {
  describe(`OwnerLookups contract on ${name}`, () => {
    it('answers an owner lookup until it expires, and takes a newer one in its place', async () => {
      const { store, close } = await make();
      await store.setOwnerLookup('email:maria@example.com', '[{"kind":"user","id":"U1"}]', '2025-05-02T00:00:00.000Z');

      const fresh = await store.getOwnerLookup('email:maria@example.com', '2025-05-01T23:59:59.000Z');
      const expired = await store.getOwnerLookup('email:maria@example.com', '2025-05-02T00:00:00.000Z');
      await store.setOwnerLookup('email:maria@example.com', 'null', '2025-05-03T00:00:00.000Z');

      expect(fresh).toBe('[{"kind":"user","id":"U1"}]');
      expect(expired).toBeNull();
      expect(await store.getOwnerLookup('email:maria@example.com', '2025-05-02T00:00:00.000Z')).toBe('null');
      expect(await store.getOwnerLookup('handle:bea', '2025-05-01T00:00:00.000Z')).toBeNull();
      await close();
    });
  });
}
