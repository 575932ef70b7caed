import type { EventFromType } from '@slack/bolt';

type MessageEvent = EventFromType<'message'>;
type GenericMessageEvent = Extract<MessageEvent, { subtype: undefined }>;
type MessageChangedEvent = Extract<MessageEvent, { subtype: 'message_changed' }>;
type MessageDeletedEvent = Extract<MessageEvent, { subtype: 'message_deleted' }>;
import { buildEventArgs } from './build-event-args.ts';

function message(ts: string, text: string, user = 'UCAT'): GenericMessageEvent {
  return {
    type: 'message',
    subtype: undefined,
    event_ts: ts,
    channel: 'CINC1',
    channel_type: 'channel',
    user,
    ts,
    text,
  };
}

/** Someone edited a message in CINC1 (`message_changed`). */
export function buildMessageChanged(ts: string, text: string, channel = 'CINC1') {
  const event: MessageChangedEvent = {
    type: 'message',
    subtype: 'message_changed',
    event_ts: '1901784900.000100',
    hidden: true,
    channel,
    channel_type: 'channel',
    ts: '1901784900.000100',
    message: message(ts, text),
    previous_message: message(ts, 'before the edit'),
  };
  return buildEventArgs<'message'>(event);
}

/** A thread parent deleted while it has replies: Slack sends `message_changed` to a tombstone. */
export function buildMessageTombstoned(ts: string, channel = 'CINC1') {
  const tombstone = { ...message(ts, 'This message was deleted.'), subtype: 'tombstone' } as unknown as MessageEvent;
  const event: MessageChangedEvent = {
    type: 'message',
    subtype: 'message_changed',
    event_ts: '1901784900.000100',
    hidden: true,
    channel,
    channel_type: 'channel',
    ts: '1901784900.000100',
    message: tombstone,
    previous_message: message(ts, 'before'),
  };
  return buildEventArgs<'message'>(event);
}

/** Someone deleted a message in CINC1 (`message_deleted`). */
export function buildMessageDeleted(ts: string, channel = 'CINC1') {
  const event: MessageDeletedEvent = {
    type: 'message',
    subtype: 'message_deleted',
    event_ts: '1901784900.000100',
    hidden: true,
    channel,
    channel_type: 'channel',
    ts: '1901784900.000100',
    deleted_ts: ts,
    previous_message: message(ts, 'gone now'),
  };
  return buildEventArgs<'message'>(event);
}

/** A plain new message in CINC1. */
export function buildMessagePosted(ts: string, text: string, user = 'UCAT') {
  return buildEventArgs<'message'>(message(ts, text, user));
}
