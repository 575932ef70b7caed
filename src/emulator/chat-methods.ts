import { channelOf, type Handler, json, messageOf, SlackApiError, str } from './method-context.ts';
import { renderMessage } from './render-objects.ts';
import type { Message } from './workspace.ts';

/** chat.*: posting, updating and linking messages. */
export const CHAT_METHODS: Record<string, Handler> = {
  'chat.postMessage': (args, ctx) => {
    const channel = channelOf(ctx, args['channel']);
    if (!channel.isIm && !channel.members.has(ctx.actor)) throw new SlackApiError('not_in_channel');
    const blocks = json<unknown[]>(args['blocks']);
    if (str(args['text']) === '' && !blocks) throw new SlackApiError('no_text');
    if (blocks && (!Array.isArray(blocks) || blocks.length > 50)) throw new SlackApiError('invalid_blocks');
    const threadTs = args['thread_ts'] ? str(args['thread_ts']) : undefined;
    if (threadTs) {
      const parent = messageOf(channel, threadTs);
      parent.replyCount += 1;
    }
    const message: Message = {
      ts: ctx.workspace.nextTs(),
      botId: ctx.workspace.botId,
      user: ctx.actor,
      text: str(args['text']),
      reactions: new Map(),
      replyCount: 0,
      ...(blocks ? { blocks } : {}),
      ...(threadTs ? { threadTs } : {}),
    };
    channel.messages.push(message);
    return { channel: channel.id, ts: message.ts, message: renderMessage(message, ctx) };
  },

  'chat.update': (args, ctx) => {
    const channel = channelOf(ctx, args['channel']);
    const message = messageOf(channel, args['ts']);
    if (message.user !== ctx.actor) throw new SlackApiError('cant_update_message');
    const blocks = json<unknown[]>(args['blocks']);
    if (args['text'] !== undefined) message.text = str(args['text']);
    if (blocks) message.blocks = blocks;
    return { channel: channel.id, ts: message.ts, text: message.text };
  },

  'chat.postEphemeral': (args, ctx) => {
    const channel = channelOf(ctx, args['channel']);
    const user = str(args['user']);
    if (!ctx.workspace.users.has(user)) throw new SlackApiError('user_not_found');
    if (!channel.members.has(user)) throw new SlackApiError('user_not_in_channel');
    const blocks = json<unknown[]>(args['blocks']);
    if (str(args['text']) === '' && !blocks) throw new SlackApiError('no_text');
    ctx.workspace.ephemerals.push({
      channel: channel.id,
      user,
      text: str(args['text']),
      ...(blocks ? { blocks } : {}),
    });
    return { message_ts: ctx.workspace.nextTs() };
  },

  'chat.getPermalink': (args, ctx) => {
    const channel = channelOf(ctx, args['channel']);
    const message = messageOf(channel, args['message_ts']);
    const base = `https://${ctx.workspace.teamDomain}.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}`;
    return {
      channel: channel.id,
      permalink:
        message.threadTs && message.threadTs !== message.ts
          ? `${base}?thread_ts=${message.threadTs}&cid=${channel.id}`
          : base,
    };
  },
};
