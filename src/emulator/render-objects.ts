import type { CallContext } from './method-context.ts';
import type { Channel, Message } from './workspace.ts';

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

export function renderChannel(c: Channel): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    is_channel: !c.isIm,
    is_im: c.isIm,
    is_private: c.isPrivate,
    created: c.created,
    creator: c.creator,
    is_archived: c.isArchived,
    is_member: true,
    topic: { value: c.topic, creator: c.creator, last_set: 0 },
    purpose: { value: c.purpose, creator: c.creator, last_set: 0 },
    num_members: c.members.size,
  };
}
