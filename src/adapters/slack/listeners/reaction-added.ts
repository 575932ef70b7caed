import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { completeMessage, pinFromLog, stillPending } from '#use-cases/timeline-from-messages.ts';
import type { ListenerContext } from './listener-context.ts';

/** The timeline emoji on a message in an incident channel (thread replies too) puts it on the timeline. */
export function reactionAdded(ctx: ListenerContext) {
  return async ({ event }: SlackEventMiddlewareArgs<'reaction_added'> & AllMiddlewareArgs): Promise<void> => {
    if (event.reaction !== ctx.deps.config.timeline.emoji || event.item.type !== 'message') return;
    const incidentId = await ctx.deps.store.incidentIdForChannel(event.item.channel);
    if (!incidentId) return;
    const ref = { channelId: event.item.channel, ts: event.item.ts };
    const pinned = await pinFromLog(ctx.deps, incidentId, ref, event.user);
    const pending = pinned === 'unlogged' || (pinned === 'known' && (await stillPending(ctx.deps, ref)));
    if (pending) await completeMessage(ctx.deps, ref);
  };
}
