import { inviteUsers } from './invite-users.ts';
import { channelOf, type Handler, messageOf, SlackApiError, str } from './method-context.ts';
import { renderChannel, renderMessage } from './render-objects.ts';

const VALID_NAME = /^[a-z0-9_-]+$/;

/** conversations.*: channels, their members, topics and history, as Slack documents each method. */
export const CONVERSATIONS_METHODS: Record<string, Handler> = {
  'conversations.create': (args, ctx) => {
    // restricted_action: "A team (workspace) preference prevents the authenticated user from creating
    // channels." (api-ref conversations.create.json); the bot is never a workspace admin.
    if (ctx.workspace.channelCreation === 'admins') throw new SlackApiError('restricted_action');
    const name = str(args['name']);
    if (name === '') throw new SlackApiError('invalid_name_required');
    if (name.length > 80) throw new SlackApiError('invalid_name_maxlength');
    if (!VALID_NAME.test(name)) throw new SlackApiError('invalid_name_specials');
    if (!/[a-z0-9]/.test(name)) throw new SlackApiError('invalid_name_punctuation');
    if (ctx.workspace.channelByName(name)) throw new SlackApiError('name_taken');
    // is_private: "Create a private channel instead of a public one" (api-ref conversations.create.json).
    const isPrivate = args['is_private'] === true || args['is_private'] === 'true' || args['is_private'] === '1';
    return { channel: renderChannel(ctx.workspace.createChannel(name, ctx.actor, { isPrivate })) };
  },

  'conversations.info': (args, ctx) => ({ channel: renderChannel(channelOf(ctx, args['channel'])) }),

  'conversations.join': (args, ctx) => {
    const channel = channelOf(ctx, args['channel']);
    // Only public channels can be joined; a private one (or a DM) answers method_not_supported_for_channel_type
    // ("This type of conversation cannot be used with this method.", api-ref conversations.join.json).
    if (channel.isPrivate || channel.isIm) throw new SlackApiError('method_not_supported_for_channel_type');
    if (channel.isArchived) throw new SlackApiError('is_archived');
    channel.members.add(ctx.actor);
    return { channel: renderChannel(channel) };
  },

  'conversations.invite': (args, ctx) => {
    const channel = channelOf(ctx, args['channel'], true);
    const errors = inviteUsers(ctx, channel, args);
    return { channel: renderChannel(channel), ...(errors.length > 0 ? { errors } : {}) };
  },

  'conversations.members': (args, ctx) => {
    const channel = channelOf(ctx, args['channel']);
    const all = [...channel.members];
    const start = Number(args['cursor'] || 0);
    const limit = Math.min(Number(args['limit'] || 100), 1000);
    if (!Number.isFinite(limit) || limit < 1) throw new SlackApiError('invalid_limit');
    const next = start + limit < all.length ? String(start + limit) : '';
    return { members: all.slice(start, start + limit), response_metadata: { next_cursor: next } };
  },

  'conversations.setTopic': (args, ctx) => {
    const channel = channelOf(ctx, args['channel'], true);
    // is_archived: "Channel has been archived." (api-ref conversations.setTopic.json)
    if (channel.isArchived) throw new SlackApiError('is_archived');
    if (str(args['topic']).length > 250) throw new SlackApiError('too_long');
    channel.topic = str(args['topic']);
    return { channel: renderChannel(channel) };
  },

  'conversations.setPurpose': (args, ctx) => {
    const channel = channelOf(ctx, args['channel'], true);
    // is_archived: "Channel has been archived." (api-ref conversations.setPurpose.json)
    if (channel.isArchived) throw new SlackApiError('is_archived');
    if (str(args['purpose']).length > 250) throw new SlackApiError('too_long');
    channel.purpose = str(args['purpose']);
    return { channel: renderChannel(channel) };
  },

  'conversations.history': (args, ctx) => {
    const channel = channelOf(ctx, args['channel'], true);
    const inclusive = args['inclusive'] === true || args['inclusive'] === 'true' || args['inclusive'] === '1';
    const latest = args['latest'] === undefined ? Infinity : Number(args['latest']);
    const oldest = args['oldest'] === undefined ? -Infinity : Number(args['oldest']);
    const limit = Number(args['limit'] ?? 100);
    const messages = channel.messages
      .filter((m) => !m.threadTs || m.threadTs === m.ts)
      .filter((m) => {
        const ts = Number(m.ts);
        return inclusive ? ts <= latest && ts >= oldest : ts < latest && ts > oldest;
      })
      .reverse()
      .slice(0, limit);
    return { messages: messages.map((m) => renderMessage(m, ctx)), has_more: false };
  },

  'conversations.replies': (args, ctx) => {
    const channel = channelOf(ctx, args['channel'], true);
    const target = messageOf(channel, args['ts']);
    const root = target.threadTs ?? target.ts;
    const thread = channel.messages.filter((m) => m.ts === root || m.threadTs === root);
    if (thread.length === 0) throw new SlackApiError('thread_not_found');
    return { messages: thread.map((m) => renderMessage(m, ctx)), has_more: false };
  },
};
