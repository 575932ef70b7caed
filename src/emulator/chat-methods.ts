import { truncateMessageText } from './block-kit-rules.ts';
import {
  channelOf,
  channelOrNameOf,
  type Handler,
  messageBlocks,
  messageOf,
  SlackApiError,
  str,
} from './method-context.ts';
import { renderMessage } from './render-objects.ts';
import type { Message } from './workspace.ts';

/** chat.*: posting, updating and linking messages. */
export const CHAT_METHODS: Record<string, Handler> = {
  'chat.postMessage': (args, ctx) => {
    const channel = channelOrNameOf(ctx, args['channel']);
    // is_archived: "Channel has been archived." (api-ref chat.postMessage.json)
    if (channel.isArchived) throw new SlackApiError('is_archived');
    if (!channel.isIm && !channel.members.has(ctx.actor)) throw new SlackApiError('not_in_channel');
    const blocks = messageBlocks(args);
    if (str(args['text']) === '' && !blocks) throw new SlackApiError('no_text');
    const { text, warning } = truncateMessageText(str(args['text']));
    const threadTs = args['thread_ts'] ? str(args['thread_ts']) : undefined;
    if (threadTs) {
      const parent = messageOf(channel, threadTs);
      parent.replyCount += 1;
    }
    const message: Message = {
      ts: ctx.workspace.nextTs(),
      botId: ctx.workspace.botId,
      user: ctx.actor,
      text,
      reactions: new Map(),
      replyCount: 0,
      ...(blocks ? { blocks } : {}),
      ...(threadTs ? { threadTs } : {}),
    };
    channel.messages.push(message);
    return { channel: channel.id, ts: message.ts, message: renderMessage(message, ctx), ...truncated(warning) };
  },

  'chat.update': (args, ctx) => {
    const channel = channelOf(ctx, args['channel']);
    // is_inactive: "The message cannot be edited within a frozen, archived or deleted channel." (api-ref
    // chat.update.json)
    if (channel.isArchived) throw new SlackApiError('is_inactive');
    const message = messageOf(channel, args['ts']);
    if (message.user !== ctx.actor) throw new SlackApiError('cant_update_message');
    const blocks = messageBlocks(args);
    // msg_too_long: "Message text is too long. The `text` field cannot exceed 4,000 characters." (api-ref
    // chat.update.json; chat.update is not among the methods that truncate instead)
    if (str(args['text']).length > 4000) throw new SlackApiError('msg_too_long');
    if (args['text'] !== undefined) message.text = str(args['text']);
    if (blocks) message.blocks = blocks;
    return { channel: channel.id, ts: message.ts, text: message.text };
  },

  'chat.postEphemeral': (args, ctx) => {
    const channel = channelOrNameOf(ctx, args['channel']);
    // is_archived: "Channel has been archived." (api-ref chat.postEphemeral.json)
    if (channel.isArchived) throw new SlackApiError('is_archived');
    const user = str(args['user']);
    if (!ctx.workspace.users.has(user)) throw new SlackApiError('user_not_found');
    if (!channel.members.has(user)) throw new SlackApiError('user_not_in_channel');
    const blocks = messageBlocks(args);
    if (str(args['text']) === '' && !blocks) throw new SlackApiError('no_text');
    const { text, warning } = truncateMessageText(str(args['text']));
    ctx.workspace.ephemerals.push({ channel: channel.id, user, text, ...(blocks ? { blocks } : {}) });
    return { message_ts: ctx.workspace.nextTs(), ...truncated(warning) };
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

/** The warning Slack adds when it cut a message's text (see truncateMessageText). */
function truncated(warning: string | undefined): Record<string, unknown> {
  return warning ? { response_metadata: { messages: [warning], warnings: ['message_truncated'] } } : {};
}
