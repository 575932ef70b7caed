import type { Incident } from '#domain/incident.ts';
import type { StatusUpdate, UpdatePublisher } from '#src/ports.ts';
import { MemoryUpdateOutbox } from './memory-update-outbox.ts';

/** `UpdatePublisher` in memory: the updates published and the nudges sent, in order. */
export class MemoryUpdatePublisher implements UpdatePublisher {
  readonly published: { incidentId: string; update: StatusUpdate; channels: string[] }[] = [];
  readonly nudges: { incidentId: string; userId: string; dueAt: string }[] = [];
  readonly outbox = new MemoryUpdateOutbox();

  async publish(incident: Incident, update: StatusUpdate, channels: string[]): Promise<void> {
    this.published.push({ incidentId: incident.id, update: { ...update }, channels: [...channels] });
  }

  async nudge(incident: Incident, userId: string, dueAt: string): Promise<void> {
    this.nudges.push({ incidentId: incident.id, userId, dueAt });
  }
}
