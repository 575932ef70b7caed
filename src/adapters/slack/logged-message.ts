import { normalizeTs } from '#domain/timeline-entry.ts';
import type { LoggedMessage } from '#src/ports.ts';

/** Subtypes that are someone's message (text, author); joins, topic changes and the like are not logged. */
const MESSAGE_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share', 'me_message', 'bot_message']);

type MessageFields = {
  subtype?: string;
  ts?: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
};

/**
 * What a `message` event (`message.channels`) says about a message: a new one or a thread reply, an
 * edit (`message_changed`, the new version inside), a deletion (`message_deleted`, or a thread parent's
 * `message_changed` to a tombstone). Null for anything else. Its version is the event's `event_ts`.
 */
export function loggedMessage(event: Record<string, unknown>): LoggedMessage | null {
  if (event['type'] !== 'message' || typeof event['channel'] !== 'string') return null;
  const channelId = event['channel'];
  const subtype = event['subtype'] as string | undefined;
  const eventTs = (event['event_ts'] ?? event['ts']) as string | undefined;
  if (!eventTs) return null;
  const version = normalizeTs(eventTs);
  if (subtype === 'message_deleted') {
    const ts = event['deleted_ts'];
    if (typeof ts !== 'string') return null;
    return { channelId, ts, threadTs: null, userId: null, text: '', deleted: true, version };
  }
  if (subtype === 'message_changed') {
    const inner = event['message'] as MessageFields | undefined;
    if (!inner?.ts) return null;
    if (inner.subtype === 'tombstone')
      return {
        channelId,
        ts: inner.ts,
        threadTs: inner.thread_ts ?? null,
        userId: null,
        text: '',
        deleted: true,
        version,
      };
    return fromFields(channelId, inner, version);
  }
  if (!MESSAGE_SUBTYPES.has(subtype)) return null;
  return fromFields(channelId, event as MessageFields, version);
}

function fromFields(channelId: string, m: MessageFields, version: string): LoggedMessage | null {
  if (!m.ts) return null;
  return {
    channelId,
    ts: m.ts,
    threadTs: m.thread_ts ?? null,
    userId: m.user ?? null,
    text: m.text ?? '',
    deleted: false,
    version,
  };
}
