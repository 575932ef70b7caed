import type { EventInbox } from '#src/ports.ts';
import { compare } from './memory-incident-records.ts';

/**
 * `EventInbox` in memory, as `KyselyIncidentStore` keeps it: an event id is new once, a completed event
 * keeps its id (so a redelivery is still known) but not its body, and the pending ones come back in the
 * order they were received (then by id).
 */
export class MemoryEventInbox implements EventInbox {
  readonly events = new Map<string, { body: string; receivedAt: string; done: boolean }>();

  async recordEvent(eventId: string, body: string, receivedAt: string): Promise<boolean> {
    if (this.events.has(eventId)) return false;
    this.events.set(eventId, { body, receivedAt, done: false });
    return true;
  }

  async completeEvent(eventId: string): Promise<void> {
    const event = this.events.get(eventId);
    if (event) this.events.set(eventId, { ...event, body: '', done: true });
  }

  async pendingEvents(): Promise<{ eventId: string; body: string }[]> {
    return [...this.events.entries()]
      .filter(([, e]) => !e.done)
      .sort(([aId, a], [bId, b]) => compare(a.receivedAt, b.receivedAt) || compare(aId, bId))
      .map(([eventId, e]) => ({ eventId, body: e.body }));
  }
}
