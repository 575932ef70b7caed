import { describe, expect, it } from 'vitest';
import type { TimelineStore } from '#src/ports/store/timeline-store.ts';
import { anEntry } from './fixtures.ts';
import type { RoleHandle } from './role-handle.ts';

/** What every `TimelineStore` keeps: entries once per key, in event order, and who reacted to what. */
export function describeTimelineStoreContract(name: string, make: () => Promise<RoleHandle<TimelineStore>>): void {
  describe(`TimelineStore contract on ${name}`, () => {
    it('never adds a timeline entry twice for the same key', async () => {
      const { store, close } = await make();

      const first = await store.addTimelineEntry(anEntry());
      const second = await store.addTimelineEntry(anEntry({ text: 'again' }));

      expect([first, second]).toEqual([true, false]);
      expect(await store.listTimeline('inc-1')).toEqual([anEntry()]);
      await close();
    });

    it('orders the timeline by the time things happened, not the time they were saved', async () => {
      const { store, close } = await make();
      await store.addTimelineEntry(anEntry({ key: 'msg:C1:2', sortKey: '1744044500.000000' }));
      await store.addTimelineEntry(anEntry({ key: 'msg:C1:1', sortKey: '1744044420.000200' }));
      await store.addTimelineEntry(anEntry({ key: 'note:x', kind: 'note', sortKey: '1744044420.000100' }));
      await store.addTimelineEntry(anEntry({ key: 'msg:C2:1', incidentId: 'inc-2' }));

      const keys = (await store.listTimeline('inc-1')).map((e) => e.key);

      expect(keys).toEqual(['note:x', 'msg:C1:1', 'msg:C1:2']);
      await close();
    });

    it("keeps a status change's detail, and leaves it out of entries that have none", async () => {
      const { store, close } = await make();
      const change = anEntry({ key: 'status:1', kind: 'status', detail: { from: 'investigating', to: 'identified' } });
      await store.addTimelineEntry(change);
      await store.addTimelineEntry(anEntry());

      expect(await store.getTimelineEntry('status:1')).toEqual(change);
      expect(Object.keys((await store.getTimelineEntry(anEntry().key)) ?? {})).not.toContain('detail');
      expect(await store.getTimelineEntry('msg:C9:1')).toBeNull();
      await close();
    });

    it('updates and removes entries, and says whether there was one', async () => {
      const { store, close } = await make();
      await store.addTimelineEntry(anEntry());

      const updated = await store.updateTimelineEntry(anEntry().key, {
        text: 'edited',
        permalink: 'https://x/p1',
        pending: false,
      });
      const missing = await store.updateTimelineEntry('msg:C9:1', { text: 'x' });
      const nothing = await store.updateTimelineEntry(anEntry().key, {});
      await store.updateTimelineEntry(anEntry().key, { authorId: 'U3', authorName: 'Cleo' });

      expect([updated, missing, nothing]).toEqual([true, false, false]);
      expect(await store.getTimelineEntry(anEntry().key)).toEqual(
        anEntry({ text: 'edited', permalink: 'https://x/p1', pending: false, authorId: 'U3', authorName: 'Cleo' }),
      );
      expect(await store.removeTimelineEntry(anEntry().key)).toBe(true);
      expect(await store.removeTimelineEntry(anEntry().key)).toBe(false);
      expect(await store.listTimeline('inc-1')).toEqual([]);
      await close();
    });

    it('counts the people still reacting to a message', async () => {
      const { store, close } = await make();
      await store.addReactor('msg:C1:1', 'U1');
      await store.addReactor('msg:C1:1', 'U1');
      await store.addReactor('msg:C1:1', 'U2');
      await store.addReactor('msg:C1:2', 'U1');

      expect(await store.removeReactor('msg:C1:1', 'U1')).toBe(1);
      expect(await store.removeReactor('msg:C1:1', 'U2')).toBe(0);
      expect(await store.removeReactor('msg:C1:1', 'U2')).toBe(0);
      await close();
    });

    it("clears a message's reactors, and no other message's", async () => {
      const { store, close } = await make();
      await store.addReactor('msg:C1:1', 'U1');
      await store.addReactor('msg:C1:1', 'U2');
      await store.addReactor('msg:C1:2', 'U1');

      await store.clearReactors('msg:C1:1');

      expect(await store.removeReactor('msg:C1:1', 'U3')).toBe(0);
      expect(await store.removeReactor('msg:C1:2', 'U3')).toBe(1);
      await close();
    });
  });
}
