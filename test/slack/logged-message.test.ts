import { describe, expect, it } from 'vitest';
import { loggedMessage } from '#adapters/slack/logged-message.ts';

const base = { type: 'message', channel: 'C1', channel_type: 'channel' };

describe('loggedMessage', () => {
  it('takes a new message and a thread reply with their author, text and event_ts as the version', () => {
    expect(loggedMessage({ ...base, user: 'U1', text: 'hi', ts: '1.000100', event_ts: '1.000100' })).toEqual({
      channelId: 'C1',
      ts: '1.000100',
      threadTs: null,
      userId: 'U1',
      text: 'hi',
      deleted: false,
      version: '1.000100',
    });
    expect(
      loggedMessage({ ...base, user: 'U1', text: 'r', ts: '2.000100', thread_ts: '1.000100', event_ts: '2.000100' }),
    ).toMatchObject({ ts: '2.000100', threadTs: '1.000100' });
  });

  it('takes an edit as the new version of the message, and a deletion or a tombstone as deleted', () => {
    const edit = {
      ...base,
      subtype: 'message_changed',
      hidden: true,
      message: { type: 'message', user: 'U1', text: 'new', ts: '1.000100', edited: { user: 'U1', ts: '3.0' } },
      previous_message: { type: 'message', user: 'U1', text: 'old', ts: '1.000100' },
      event_ts: '3.000200',
      ts: '3.000200',
    };
    expect(loggedMessage(edit)).toMatchObject({ ts: '1.000100', text: 'new', userId: 'U1', version: '3.000200' });
    expect(
      loggedMessage({ ...base, subtype: 'message_deleted', hidden: true, deleted_ts: '1.000100', event_ts: '4.5' }),
    ).toMatchObject({ ts: '1.000100', deleted: true, userId: null, version: '4.500000' });
    const tombstone = {
      ...edit,
      message: {
        type: 'message',
        subtype: 'tombstone',
        text: 'This message was deleted.',
        ts: '1.000100',
        thread_ts: '1.000100',
      },
    };
    expect(loggedMessage(tombstone)).toMatchObject({ ts: '1.000100', deleted: true });
  });

  it('keeps bot messages and file shares, and leaves out joins, topics and thread bookkeeping', () => {
    expect(
      loggedMessage({ ...base, subtype: 'bot_message', bot_id: 'B1', text: 'deployed', ts: '5.0', event_ts: '5.0' }),
    ).toMatchObject({
      userId: null,
      text: 'deployed',
    });
    expect(
      loggedMessage({ ...base, subtype: 'file_share', user: 'U1', text: 'graph', ts: '6.0', event_ts: '6.0' }),
    ).not.toBeNull();
    for (const subtype of ['channel_join', 'channel_topic', 'message_replied'])
      expect(loggedMessage({ ...base, subtype, user: 'U1', text: 'x', ts: '7.0', event_ts: '7.0' })).toBeNull();
    expect(loggedMessage({ type: 'reaction_added', channel: 'C1', ts: '1.0', event_ts: '1.0' })).toBeNull();
  });
});
