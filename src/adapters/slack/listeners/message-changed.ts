import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { deleteMessage, editMessage } from '#use-cases/timeline-from-messages.ts';
import type { ListenerContext } from './listener-context.ts';

/**
 * Edits and deletions carry over to the timeline; every other message event is ignored. A deleted
 * thread parent with replies comes as `message_changed` to a "tombstone", and is a deletion too.
 */
export function messageChanged(ctx: ListenerContext) {
  return async ({ event }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const e = event as {
      subtype?: string;
      channel: string;
      message?: { ts: string; text?: string; subtype?: string };
      deleted_ts?: string;
    };
    if (e.subtype === 'message_changed' && e.message?.subtype === 'tombstone') {
      await deleteMessage(ctx.deps, { channelId: e.channel, ts: e.message.ts });
    } else if (e.subtype === 'message_changed' && e.message) {
      await editMessage(ctx.deps, { channelId: e.channel, ts: e.message.ts }, e.message.text ?? '');
    } else if (e.subtype === 'message_deleted' && e.deleted_ts) {
      await deleteMessage(ctx.deps, { channelId: e.channel, ts: e.deleted_ts });
    }
  };
}
