import type { Incident } from '#domain/incident.ts';
import type { PostRefusal, StatusUpdate, UpdatePublisher } from '#src/ports.ts';
import { MemoryUpdateOutbox } from './memory-update-outbox.ts';

/** `UpdatePublisher` in memory: the updates published and the nudges sent, in order. */
export class MemoryUpdatePublisher implements UpdatePublisher {
  readonly published: { incidentId: string; update: StatusUpdate; channels: string[] }[] = [];
  readonly nudges: { incidentId: string; userId: string; dueAt: string }[] = [];
  readonly outbox = new MemoryUpdateOutbox();
  /** Broadcast channels that refuse every update, with the reason given back (`not_in_channel`, …). */
  readonly refusing = new Map<string, string>();

  async publish(incident: Incident, update: StatusUpdate, channels: string[]): Promise<PostRefusal[]> {
    this.published.push({ incidentId: incident.id, update: { ...update }, channels: [...channels] });
    return channels.slice(1).flatMap((channel) => {
      const reason = this.refusing.get(channel);
      return reason === undefined ? [] : [{ channel, reason }];
    });
  }

  async nudge(incident: Incident, userId: string, dueAt: string): Promise<void> {
    this.nudges.push({ incidentId: incident.id, userId, dueAt });
  }
}
