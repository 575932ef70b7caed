import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { unpinMessage } from '#use-cases/timeline-from-messages.ts';
import type { ListenerContext } from './listener-context.ts';

/** Taking the timeline emoji off removes the entry once no one's is left. */
export function reactionRemoved(ctx: ListenerContext) {
  return async ({ event }: SlackEventMiddlewareArgs<'reaction_removed'> & AllMiddlewareArgs): Promise<void> => {
    if (event.reaction !== ctx.deps.config.timeline.emoji || event.item.type !== 'message') return;
    await unpinMessage(ctx.deps, { channelId: event.item.channel, ts: event.item.ts }, event.user);
  };
}
