import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { completeMessage, pinMessage } from '#use-cases/timeline-from-messages.ts';
import { ephemeral } from '../blocks/mrkdwn.ts';
import { type ListenerContext, somethingWentWrong } from './listener-context.ts';

export const ADD_TO_TIMELINE = 'add_to_timeline';

/** The message shortcut "Add to incident timeline". */
export function addToTimelineShortcut(ctx: ListenerContext) {
  return async ({
    shortcut,
    ack,
    respond,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const incident = await ctx.deps.store.findIncidentByChannel(shortcut.channel.id);
      if (!incident) {
        await respond(
          ephemeral('This message is not in an incident channel; only messages in incident channels go on a timeline.'),
        );
        return;
      }
      const ref = { channelId: shortcut.channel.id, ts: shortcut.message_ts };
      await pinMessage(ctx.deps, incident.id, ref, shortcut.user.id);
      await completeMessage(ctx.deps, ref, {
        text: shortcut.message.text ?? '',
        userId: shortcut.message.user ?? null,
      });
      await respond(ephemeral('Added to the timeline.'));
    } catch (error) {
      await respond(ephemeral(somethingWentWrong(ctx, error, 'adding the message to the timeline')));
    }
  };
}
