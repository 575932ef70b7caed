import { type CallContext, channelOf, type Handler, messageOf, SlackApiError, str } from './method-context.ts';
import { renderMessage } from './render-objects.ts';
import type { Channel, Message } from './workspace.ts';

/** pins.* and reactions.*. */
export const REACTIONS_METHODS: Record<string, Handler> = {
  'pins.add': (args, ctx) => {
    const channel = channelOf(ctx, args['channel'], true);
    const ts = str(args['timestamp']);
    if (ts === '') throw new SlackApiError('no_item_specified');
    messageOf(channel, ts);
    if (channel.pins.has(ts)) throw new SlackApiError('already_pinned');
    channel.pins.add(ts);
    return {};
  },

  'reactions.add': (args, ctx) => {
    const channel = channelOf(ctx, args['channel']);
    // is_archived: "Channel specified has been archived." (api-ref reactions.add.json)
    if (channel.isArchived) throw new SlackApiError('is_archived');
    const message = messageOf(channel, args['timestamp']);
    const name = str(args['name']).replace(/^:|:$/g, '');
    if (!/^[a-z0-9_+'-]+$/.test(name)) throw new SlackApiError('invalid_name');
    const users = message.reactions.get(name) ?? new Set<string>();
    if (users.has(ctx.actor)) throw new SlackApiError('already_reacted');
    users.add(ctx.actor);
    message.reactions.set(name, users);
    ctx.emit(reactionEvent('reaction_added', ctx, channel, message, name));
    return {};
  },

  'reactions.remove': (args, ctx) => {
    const channel = channelOf(ctx, args['channel']);
    const message = messageOf(channel, args['timestamp']);
    const name = str(args['name']).replace(/^:|:$/g, '');
    const users = message.reactions.get(name);
    if (!users?.has(ctx.actor)) throw new SlackApiError('no_reaction');
    users.delete(ctx.actor);
    if (users.size === 0) message.reactions.delete(name);
    ctx.emit(reactionEvent('reaction_removed', ctx, channel, message, name));
    return {};
  },

  'reactions.get': (args, ctx) => {
    const channel = channelOf(ctx, args['channel']);
    const message = messageOf(channel, args['timestamp']);
    return { type: 'message', channel: channel.id, message: renderMessage(message, ctx) };
  },
};

/** What Slack sends the app when the bot's own reaction changes (the bot ignores its own). */
function reactionEvent(
  type: string,
  ctx: CallContext,
  channel: Channel,
  message: Message,
  name: string,
): Record<string, unknown> {
  return {
    type,
    user: ctx.actor,
    reaction: name,
    item: { type: 'message', channel: channel.id, ts: message.ts },
    item_user: message.user ?? '',
    event_ts: ctx.workspace.nextTs(),
  };
}
