import type { WebClient } from '@slack/web-api';
import { ChannelArchivedError } from '#src/ports/channel-archived-error.ts';
import type { Chat, ChatMessage, CreateChannelResult, FetchedMessage, InviteRefusal } from '#src/ports.ts';
import { describeChannelRefusal } from './describe-channel-refusal.ts';
import { KeyedQueue } from './keyed-queue.ts';

const INVITE_BATCH = 100;
/** Invite answers that mean the person is (or needs not be) there already. */
const HARMLESS_INVITE_ERRORS = new Set(['already_in_channel', 'cant_invite_self']);

/** The `errors` array of `conversations.invite` (`[{ user, ok: false, error }]`), or null when there is none. */
function inviteErrors(errors: unknown): InviteRefusal[] | null {
  if (!Array.isArray(errors)) return null;
  return errors
    .filter((e): e is { user: string; error: string } => typeof e?.user === 'string' && typeof e?.error === 'string')
    .map((e) => ({ userId: e.user, reason: e.error }));
}

/** Slack's error code from a Web API failure, or null for anything else. */
export function slackError(error: unknown): string | null {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : null;
}

/**
 * Slack's answers to a write into an archived channel: `is_archived` (chat.postMessage, chat.postEphemeral,
 * conversations.setTopic, conversations.setPurpose) and `is_inactive` (chat.update: "a frozen, archived or
 * deleted channel").
 */
const ARCHIVED_ERRORS = new Set(['is_archived', 'is_inactive']);

/** Runs a write into a channel; an archived channel's refusal becomes a `ChannelArchivedError`. */
async function inLiveChannel<T>(channelId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (ARCHIVED_ERRORS.has(slackError(error) ?? '')) throw new ChannelArchivedError(channelId, { cause: error });
    throw error;
  }
}

/** Runs a Web API call for its effect; the errors in `codes` mean it is already so, and are not failures. */
async function ignoringSlackErrors(codes: readonly string[], call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!codes.includes(slackError(error) ?? '')) throw error;
  }
}

/**
 * The `Chat` port over Slack's Web API client (which retries 429s after Retry-After by itself).
 * Posts and updates go one at a time per channel: a message retried after a 429 must not be
 * overtaken by a later one (an incident's announcement by its RCA link, an old summary by a new one).
 */
export class SlackChat implements Chat {
  private readonly names = new Map<string, string | null>();
  private readonly perChannel = new KeyedQueue();

  constructor(private readonly client: WebClient) {}

  async createChannel(name: string, options: { isPrivate?: boolean } = {}): Promise<CreateChannelResult> {
    try {
      const result = await this.client.conversations.create({
        name,
        ...(options.isPrivate ? { is_private: true } : {}),
      });
      return { ok: true, id: result.channel!.id!, name: result.channel!.name ?? name };
    } catch (error) {
      const code = slackError(error);
      if (code === 'name_taken') return { ok: false, error: 'name_taken' };
      if (code?.startsWith('invalid_name')) return { ok: false, error: 'invalid_name' };
      // Slack answered and said no (restricted_action, missing_scope, …); no answer at all is thrown.
      if (code !== null) return { ok: false, error: 'refused', code, reason: describeChannelRefusal(code) };
      throw error;
    }
  }

  async setTopicAndPurpose(channelId: string, topic: string, purpose?: string): Promise<void> {
    await inLiveChannel(channelId, async () => {
      await this.client.conversations.setTopic({ channel: channelId, topic: topic.slice(0, 250) });
      if (purpose !== undefined)
        await this.client.conversations.setPurpose({ channel: channelId, purpose: purpose.slice(0, 250) });
    });
  }

  /**
   * One `conversations.invite` per 100 people with `force: true`, so Slack invites the valid ones and
   * lists the others in `errors`. A failed call that names no one is retried person by person, so each
   * refusal belongs to the right person. A call that fails outright (Slack away) refuses its batch.
   */
  async invite(channelId: string, userIds: string[]): Promise<InviteRefusal[]> {
    const unique = [...new Set(userIds)];
    const refused: InviteRefusal[] = [];
    for (let i = 0; i < unique.length; i += INVITE_BATCH) {
      const batch = unique.slice(i, i + INVITE_BATCH);
      const answer = await this.inviteBatch(channelId, batch);
      if (answer.perUser !== null) refused.push(...answer.perUser);
      else if (batch.length === 1) refused.push({ userId: batch[0]!, reason: answer.code });
      else for (const user of batch) refused.push(...(await this.invite(channelId, [user])));
    }
    return refused.filter((r) => !HARMLESS_INVITE_ERRORS.has(r.reason));
  }

  private async inviteBatch(
    channelId: string,
    users: string[],
  ): Promise<{ perUser: InviteRefusal[] | null; code: string }> {
    try {
      const result = await this.client.conversations.invite({
        channel: channelId,
        users: users.join(','),
        force: true,
      });
      return { perUser: inviteErrors((result as { errors?: unknown }).errors) ?? [], code: '' };
    } catch (error) {
      const code = slackError(error) ?? 'slack_unreachable';
      const perUser = inviteErrors((error as { data?: { errors?: unknown } }).data?.errors);
      if (perUser !== null && perUser.length > 0) return { perUser, code };
      if (HARMLESS_INVITE_ERRORS.has(code) && users.length === 1) return { perUser: [], code };
      return { perUser: code === 'slack_unreachable' ? users.map((userId) => ({ userId, reason: code })) : null, code };
    }
  }

  async post(channelId: string, message: ChatMessage, threadTs?: string): Promise<{ ts: string }> {
    const result = await this.perChannel.run(channelId, () =>
      inLiveChannel(channelId, () =>
        this.client.chat.postMessage({
          channel: channelId,
          text: message.text,
          ...(message.blocks ? { blocks: message.blocks as never } : {}),
          ...(threadTs ? { thread_ts: threadTs } : {}),
          unfurl_links: false,
        }),
      ),
    );
    return { ts: result.ts! };
  }

  async update(channelId: string, ts: string, message: ChatMessage): Promise<void> {
    await this.perChannel.run(channelId, () =>
      inLiveChannel(channelId, () =>
        this.client.chat.update({
          channel: channelId,
          ts,
          text: message.text,
          ...(message.blocks ? { blocks: message.blocks as never } : {}),
        }),
      ),
    );
  }

  async postEphemeral(channelId: string, userId: string, message: ChatMessage): Promise<void> {
    await inLiveChannel(channelId, () =>
      this.client.chat.postEphemeral({
        channel: channelId,
        user: userId,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks as never } : {}),
      }),
    );
  }

  async pin(channelId: string, ts: string): Promise<void> {
    await ignoringSlackErrors(['already_pinned'], () => this.client.pins.add({ channel: channelId, timestamp: ts }));
  }

  async react(channelId: string, ts: string, name: string): Promise<void> {
    await ignoringSlackErrors(['already_reacted', 'message_not_found'], () =>
      this.client.reactions.add({ channel: channelId, timestamp: ts, name }),
    );
  }

  async unreact(channelId: string, ts: string, name: string): Promise<void> {
    await ignoringSlackErrors(['no_reaction', 'message_not_found'], () =>
      this.client.reactions.remove({ channel: channelId, timestamp: ts, name }),
    );
  }

  async fetchMessage(channelId: string, ts: string): Promise<FetchedMessage | null> {
    try {
      // conversations.replies finds a message by ts whether it is a thread reply or not.
      const result = await this.client.conversations.replies({
        channel: channelId,
        ts,
        latest: ts,
        oldest: ts,
        inclusive: true,
        limit: 1,
      });
      const message = result.messages?.find((m) => m.ts === ts);
      return message ? { ts, userId: message.user ?? null, text: message.text ?? '' } : null;
    } catch (error) {
      const code = slackError(error);
      if (code === 'message_not_found' || code === 'thread_not_found') return null;
      throw error;
    }
  }

  async permalink(channelId: string, ts: string): Promise<string | null> {
    try {
      return (await this.client.chat.getPermalink({ channel: channelId, message_ts: ts })).permalink ?? null;
    } catch (error) {
      if (slackError(error) === 'message_not_found') return null;
      throw error;
    }
  }

  async userName(userId: string): Promise<string | null> {
    if (this.names.has(userId)) return this.names.get(userId)!;
    try {
      const { user } = await this.client.users.info({ user: userId });
      const name = user?.profile?.display_name || user?.real_name || user?.name || null;
      this.names.set(userId, name);
      return name;
    } catch (error) {
      if (slackError(error) === 'user_not_found') return null;
      throw error;
    }
  }

  async isMember(channelId: string, userId: string): Promise<boolean> {
    for await (const page of this.client.paginate('conversations.members', { channel: channelId, limit: 500 })) {
      if (((page as { members?: string[] }).members ?? []).includes(userId)) return true;
    }
    return false;
  }

  async channelMembers(channelId: string): Promise<string[]> {
    const members: string[] = [];
    for await (const page of this.client.paginate('conversations.members', { channel: channelId, limit: 500 }))
      members.push(...((page as { members?: string[] }).members ?? []));
    return members;
  }

  async usergroupMembers(groupId: string): Promise<string[]> {
    return (await this.client.usergroups.users.list({ usergroup: groupId })).users ?? [];
  }

  async userIdByEmail(email: string): Promise<string | null> {
    try {
      return (await this.client.users.lookupByEmail({ email })).user?.id ?? null;
    } catch (error) {
      if (slackError(error) === 'users_not_found') return null;
      throw error;
    }
  }

  private handles: Map<string, string> | null = null;

  async userIdByHandle(handle: string): Promise<string | null> {
    if (this.handles === null) {
      const handles = new Map<string, string>();
      for await (const page of this.client.paginate('users.list', { limit: 200 })) {
        for (const user of (
          page as { members?: { id?: string; name?: string; deleted?: boolean; profile?: { display_name?: string } }[] }
        ).members ?? []) {
          if (!user.id || user.deleted) continue;
          if (user.name) handles.set(user.name.toLowerCase(), user.id);
          if (user.profile?.display_name) handles.set(user.profile.display_name.toLowerCase(), user.id);
        }
      }
      this.handles = handles;
      setTimeout(() => {
        this.handles = null;
      }, 10 * 60_000).unref();
    }
    return this.handles.get(handle.toLowerCase()) ?? null;
  }

  async userEmail(userId: string): Promise<string | null> {
    try {
      const { user } = await this.client.users.info({ user: userId });
      return user?.profile?.email ?? null;
    } catch {
      return null;
    }
  }

  async openView(triggerId: string, view: Record<string, unknown>): Promise<string | null> {
    return (await this.client.views.open({ trigger_id: triggerId, view: view as never })).view?.id ?? null;
  }

  async updateView(viewId: string, view: Record<string, unknown>): Promise<void> {
    await this.client.views.update({ view_id: viewId, view: view as never });
  }

  async publishHome(userId: string, view: Record<string, unknown>): Promise<void> {
    await this.client.views.publish({ user_id: userId, view: view as never });
  }
}
