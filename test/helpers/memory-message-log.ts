import type {
  ArrivingEvent,
  EventInbox,
  LoggedMessage,
  LogPin,
  LogPinResult,
  MessageLog,
  TimelineStore,
  UserNameCache,
} from '#src/ports.ts';
import { compare } from './memory-incident-records.ts';

/**
 * `MessageLog` in memory, as `KyselyMessageLog` keeps it: a message is replaced only by a later version
 * (an edit or deletion that carries no thread or author keeps the ones known), thread replies leave out
 * the parent and deleted messages, and a pin adds the reactor and then the entry unless it is there,
 * complete (text, author, the cached name) when the log holds the message undeleted, pending otherwise.
 * It writes pins through the store's `TimelineStore` and reads names from the `UserNameCache`, as the
 * Kysely one does over the same database; `pinEvent` records the event in the store's inbox first.
 */
export class MemoryMessageLog implements MessageLog {
  readonly messages = new Map<string, LoggedMessage>();
  readonly expiries = new Map<string, string>();

  constructor(
    private readonly timeline: TimelineStore & EventInbox,
    private readonly names: UserNameCache,
  ) {}

  async record(message: LoggedMessage): Promise<void> {
    const key = `${message.channelId}:${message.ts}`;
    const seen = this.messages.get(key);
    if (!seen) this.messages.set(key, { ...message });
    else if (seen.version < message.version) {
      this.messages.set(key, {
        ...message,
        threadTs: message.threadTs ?? seen.threadTs,
        userId: message.userId ?? seen.userId,
      });
    }
  }

  async get(channelId: string, ts: string): Promise<LoggedMessage | null> {
    const message = this.messages.get(`${channelId}:${ts}`);
    return message ? { ...message } : null;
  }

  async threadReplies(channelId: string, threadTs: string): Promise<LoggedMessage[]> {
    return [...this.messages.values()]
      .filter((m) => m.channelId === channelId && m.threadTs === threadTs && m.ts !== threadTs && !m.deleted)
      .sort((a, b) => compare(a.ts, b.ts))
      .map((m) => ({ ...m }));
  }

  async pin(pin: LogPin, now: string): Promise<LogPinResult> {
    await this.timeline.addReactor(pin.key, pin.reactorId);
    const found = this.messages.get(`${pin.channelId}:${pin.ts}`);
    const message = found && !found.deleted ? found : null;
    const authorId = message?.userId ?? null;
    const authorName = authorId ? ((await this.names.getName(authorId, now))?.name ?? null) : null;
    const added = await this.timeline.addTimelineEntry({
      incidentId: pin.incidentId,
      key: pin.key,
      kind: 'message',
      at: pin.at,
      sortKey: pin.sortKey,
      authorId,
      authorName,
      text: message?.text ?? '',
      permalink: null,
      pending: message === null,
    });
    if (!added) return { added: false, complete: false, authorId: null, authorName: null };
    return { added: true, complete: message !== null, authorId, authorName };
  }

  async pinEvent(event: ArrivingEvent, pin: LogPin, now: string): Promise<{ isNew: boolean; pinned: LogPinResult }> {
    const isNew = await this.timeline.recordEvent(event.eventId, event.body, event.receivedAt);
    if (!isNew) return { isNew, pinned: { added: false, complete: false, authorId: null, authorName: null } };
    return { isNew, pinned: await this.pin(pin, now) };
  }

  async expireChannel(channelId: string, expiresAt: string): Promise<void> {
    this.expiries.set(channelId, expiresAt);
  }

  async trim(now: string): Promise<number> {
    let deleted = 0;
    for (const [key, message] of this.messages) {
      const expiresAt = this.expiries.get(message.channelId);
      if (expiresAt !== undefined && expiresAt <= now) {
        this.messages.delete(key);
        deleted += 1;
      }
    }
    return deleted;
  }
}
