import type { Channel, Message, Workspace } from './workspace.ts';

export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export interface CallContext {
  workspace: Workspace;
  /** The user the token belongs to (the bot user for a bot token). */
  actor: string;
  apiUrl: string;
  emit(event: Record<string, unknown>): void;
}

type Args = Record<string, unknown>;
type Handler = (args: Args, ctx: CallContext) => Record<string, unknown>;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const json = <T>(v: unknown): T | undefined => {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') return v as T;
  try {
    return JSON.parse(v) as T;
  } catch {
    throw new SlackApiError('invalid_arguments');
  }
};

function channelOf(ctx: CallContext, id: unknown, member = false): Channel {
  const key = str(id);
  const channel =
    key.startsWith('U') || key.startsWith('W') ? ctx.workspace.imWith(key) : ctx.workspace.channels.get(key);
  if (!channel) throw new SlackApiError('channel_not_found');
  if (member && !channel.members.has(ctx.actor)) throw new SlackApiError('not_in_channel');
  return channel;
}

function messageOf(channel: Channel, ts: unknown): Message {
  const message = channel.messages.find((m) => m.ts === str(ts));
  if (!message) throw new SlackApiError('message_not_found');
  return message;
}

export function renderMessage(m: Message, ctx: CallContext): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'message', ts: m.ts, text: m.text };
  if (m.user) out['user'] = m.user;
  if (m.botId) out['bot_id'] = m.botId;
  if (m.blocks) out['blocks'] = m.blocks;
  if (m.threadTs) out['thread_ts'] = m.threadTs;
  if (m.edited) out['edited'] = m.edited;
  if (m.replyCount > 0) out['reply_count'] = m.replyCount;
  if (m.reactions.size > 0) {
    out['reactions'] = [...m.reactions].map(([name, users]) => ({
      name,
      users: [...users],
      count: users.size,
    }));
  }
  out['team'] = ctx.workspace.teamId;
  return out;
}

function renderChannel(c: Channel): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    is_channel: !c.isIm,
    is_im: c.isIm,
    is_private: false,
    created: c.created,
    creator: c.creator,
    is_archived: false,
    is_member: true,
    topic: { value: c.topic, creator: c.creator, last_set: 0 },
    purpose: { value: c.purpose, creator: c.creator, last_set: 0 },
    num_members: c.members.size,
  };
}

const VALID_NAME = /^[a-z0-9_-]+$/;

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

/** The Web API methods the bot calls, each following Slack's documented arguments and errors. */
export const METHODS: Record<string, Handler> = {
  'auth.test': (_args, ctx) => ({
    url: `https://${ctx.workspace.teamDomain}.slack.com/`,
    team: 'Emulated',
    user: 'incident-scribe',
    team_id: ctx.workspace.teamId,
    user_id: ctx.actor,
    bot_id: ctx.workspace.botId,
    is_enterprise_install: false,
  }),

  'conversations.create': (args, ctx) => {
    const name = str(args['name']);
    if (name === '') throw new SlackApiError('invalid_name_required');
    if (name.length > 80) throw new SlackApiError('invalid_name_maxlength');
    if (!VALID_NAME.test(name)) throw new SlackApiError('invalid_name_specials');
    if (!/[a-z0-9]/.test(name)) throw new SlackApiError('invalid_name_punctuation');
    if (ctx.workspace.channelByName(name)) throw new SlackApiError('name_taken');
    return { channel: renderChannel(ctx.workspace.createChannel(name, ctx.actor)) };
  },

  'conversations.info': (args, ctx) => ({ channel: renderChannel(channelOf(ctx, args['channel'])) }),

  'conversations.join': (args, ctx) => {
    const channel = channelOf(ctx, args['channel']);
    channel.members.add(ctx.actor);
    return { channel: renderChannel(channel) };
  },

  'conversations.invite': (args, ctx) => {
    const channel = channelOf(ctx, args['channel'], true);
    const users = str(args['users'])
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    if (users.length === 0) throw new SlackApiError('no_user');
    for (const user of users) {
      if (user === ctx.actor) throw new SlackApiError('cant_invite_self');
      if (!ctx.workspace.users.has(user)) throw new SlackApiError('user_not_found');
      if (channel.members.has(user))
        throw new SlackApiError('already_in_channel', {
          errors: [{ user, ok: false, error: 'already_in_channel' }],
        });
    }
    for (const user of users) channel.members.add(user);
    return { channel: renderChannel(channel) };
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
    if (str(args['topic']).length > 250) throw new SlackApiError('too_long');
    channel.topic = str(args['topic']);
    return { channel: renderChannel(channel) };
  },

  'conversations.setPurpose': (args, ctx) => {
    const channel = channelOf(ctx, args['channel'], true);
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

  'users.info': (args, ctx) => {
    const user = ctx.workspace.users.get(str(args['user']));
    if (!user) throw new SlackApiError('user_not_found');
    return {
      user: {
        id: user.id,
        team_id: ctx.workspace.teamId,
        name: user.name,
        real_name: user.realName,
        is_bot: user.isBot,
        deleted: false,
        tz: 'Europe/London',
        profile: { real_name: user.realName, display_name: user.name, email: user.email },
      },
    };
  },

  'users.list': (args, ctx) => {
    const all = [...ctx.workspace.users.values()];
    const start = Number(args['cursor'] || 0);
    const limit = Math.min(Number(args['limit'] || 100), 200);
    const page = all.slice(start, start + limit);
    const next = start + limit < all.length ? String(start + limit) : '';
    return {
      members: page.map((u) => ({
        id: u.id,
        team_id: ctx.workspace.teamId,
        name: u.name,
        deleted: false,
        real_name: u.realName,
        is_bot: u.isBot,
        profile: { real_name: u.realName, display_name: u.name, ...(u.email ? { email: u.email } : {}) },
      })),
      response_metadata: { next_cursor: next },
    };
  },

  'users.lookupByEmail': (args, ctx) => {
    const email = str(args['email']).toLowerCase();
    const user = [...ctx.workspace.users.values()].find((u) => u.email.toLowerCase() === email && email !== '');
    if (!user) throw new SlackApiError('users_not_found');
    return METHODS['users.info']!({ user: user.id }, ctx);
  },

  'usergroups.users.list': (args, ctx) => {
    const group = ctx.workspace.usergroups.get(str(args['usergroup']));
    if (!group) throw new SlackApiError('no_such_subteam');
    return { users: group.users };
  },

  'views.open': (args, ctx) => {
    const triggerId = str(args['trigger_id']);
    if (!/^\d+\.\d+\.[0-9a-f]+$/.test(triggerId)) throw new SlackApiError('invalid_trigger_id');
    const view = json<Record<string, unknown>>(args['view']);
    if (view?.['type'] !== 'modal') throw new SlackApiError('invalid_arguments');
    const userId = triggerId.split('.')[2] ?? '';
    const id = ctx.workspace.nextId('V');
    ctx.workspace.views.set(id, {
      id,
      userId: ctx.workspace.triggerUser(triggerId) ?? userId,
      view,
      type: 'modal',
    });
    return { view: { id, ...view } };
  },

  'views.publish': (args, ctx) => {
    const userId = str(args['user_id']);
    if (!ctx.workspace.users.has(userId)) throw new SlackApiError('user_not_found');
    const view = json<Record<string, unknown>>(args['view']);
    if (view?.['type'] !== 'home') throw new SlackApiError('invalid_arguments');
    const id = `home-${userId}`;
    ctx.workspace.views.set(id, { id, userId, view, type: 'home' });
    return { view: { id, ...view } };
  },
};
