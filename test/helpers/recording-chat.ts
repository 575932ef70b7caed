import type { Chat, ChatMessage, CreateChannelResult, FetchedMessage, InviteRefusal } from '#src/ports.ts';

export interface ChannelState {
  name: string;
  members: Set<string>;
  topic: string | null;
  purpose: string | null;
}

export interface Post {
  channelId: string;
  ts: string;
  message: ChatMessage;
  threadTs?: string;
}

/**
 * A `Chat` for use-case and listener tests that records what the bot asked of Slack, in order, and
 * keeps Slack's channel-name rules (lower case, `name_taken` for a name in use, even archived). People
 * are arranged through `names`, `emails`, `handles`, `usergroups` and `messages`; `refuse` holds the
 * people an invite fails for, with Slack's error; `failing` makes a method throw.
 */
export class RecordingChat implements Chat {
  readonly channels = new Map<string, ChannelState>();
  /** Names in use by channels the bot cannot see (archived ones keep their names). */
  readonly takenNames = new Set<string>();
  readonly posts: Post[] = [];
  readonly updates: { channelId: string; ts: string; message: ChatMessage }[] = [];
  readonly ephemerals: { channelId: string; userId: string; message: ChatMessage }[] = [];
  readonly pins: { channelId: string; ts: string }[] = [];
  /** The bot's reactions now on messages, as `channel:ts:name`. */
  readonly reactions = new Set<string>();
  readonly views: { triggerId: string; viewId: string; view: Record<string, unknown> }[] = [];
  readonly viewUpdates: { viewId: string; view: Record<string, unknown> }[] = [];
  readonly homes: { userId: string; view: Record<string, unknown> }[] = [];
  /** Every method called, in order. */
  readonly calls: string[] = [];

  readonly messages = new Map<string, FetchedMessage>();
  readonly names = new Map<string, string>();
  readonly emails = new Map<string, string>();
  readonly handles = new Map<string, string>();
  readonly usergroups = new Map<string, string[]>();
  readonly refuse = new Map<string, string>();
  readonly failing = new Map<keyof Chat, Error>();
  private n = 0;

  /** A channel the bot is in, with members, for tests that start mid-incident. */
  addChannel(id: string, name: string, members: string[] = []): void {
    this.channels.set(id, { name, members: new Set(['UBOT', ...members]), topic: null, purpose: null });
  }

  postsIn(channelId: string): Post[] {
    return this.posts.filter((p) => p.channelId === channelId);
  }

  /** The channels created private (`is_private: true`). */
  readonly privateChannels = new Set<string>();

  async createChannel(name: string, options: { isPrivate?: boolean } = {}): Promise<CreateChannelResult> {
    this.called('createChannel');
    if (!/^[a-z0-9_-]{1,80}$/.test(name) || !/[a-z0-9]/.test(name)) return { ok: false, error: 'invalid_name' };
    if (this.takenNames.has(name) || [...this.channels.values()].some((c) => c.name === name))
      return { ok: false, error: 'name_taken' };
    const id = `C${String(this.next()).padStart(8, '0')}`;
    this.addChannel(id, name);
    if (options.isPrivate) this.privateChannels.add(id);
    return { ok: true, id, name };
  }

  async setTopicAndPurpose(channelId: string, topic: string, purpose?: string): Promise<void> {
    this.called('setTopicAndPurpose');
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error('channel_not_found');
    channel.topic = topic;
    if (purpose !== undefined) channel.purpose = purpose;
  }

  async invite(channelId: string, userIds: string[]): Promise<InviteRefusal[]> {
    this.called('invite');
    const refused: InviteRefusal[] = [];
    for (const userId of userIds) {
      const reason = this.refuse.get(userId);
      if (reason) refused.push({ userId, reason });
      else this.channels.get(channelId)?.members.add(userId);
    }
    return refused;
  }

  async post(channelId: string, message: ChatMessage, threadTs?: string): Promise<{ ts: string }> {
    this.called('post');
    const ts = `${1_900_000_000 + this.next()}.000100`;
    this.posts.push({ channelId, ts, message, ...(threadTs ? { threadTs } : {}) });
    return { ts };
  }

  async update(channelId: string, ts: string, message: ChatMessage): Promise<void> {
    this.called('update');
    this.updates.push({ channelId, ts, message });
  }

  async postEphemeral(channelId: string, userId: string, message: ChatMessage): Promise<void> {
    this.called('postEphemeral');
    this.ephemerals.push({ channelId, userId, message });
  }

  async pin(channelId: string, ts: string): Promise<void> {
    this.called('pin');
    this.pins.push({ channelId, ts });
  }

  async react(channelId: string, ts: string, name: string): Promise<void> {
    this.called('react');
    this.reactions.add(`${channelId}:${ts}:${name}`);
  }

  async unreact(channelId: string, ts: string, name: string): Promise<void> {
    this.called('unreact');
    this.reactions.delete(`${channelId}:${ts}:${name}`);
  }

  async fetchMessage(channelId: string, ts: string): Promise<FetchedMessage | null> {
    this.called('fetchMessage');
    return this.messages.get(`${channelId}:${ts}`) ?? null;
  }

  async permalink(channelId: string, ts: string): Promise<string | null> {
    this.called('permalink');
    return `https://example.slack.com/archives/${channelId}/p${ts.replace('.', '')}`;
  }

  async userName(userId: string): Promise<string | null> {
    this.called('userName');
    return this.names.get(userId) ?? null;
  }

  async usergroupMembers(groupId: string): Promise<string[]> {
    this.called('usergroupMembers');
    return this.usergroups.get(groupId) ?? [];
  }

  async channelMembers(channelId: string): Promise<string[]> {
    this.called('channelMembers');
    return [...(this.channels.get(channelId)?.members ?? [])];
  }

  async isMember(channelId: string, userId: string): Promise<boolean> {
    this.called('isMember');
    return this.channels.get(channelId)?.members.has(userId) ?? false;
  }

  async userIdByEmail(email: string): Promise<string | null> {
    this.called('userIdByEmail');
    return [...this.emails].find(([, e]) => e.toLowerCase() === email.toLowerCase())?.[0] ?? null;
  }

  async userIdByHandle(handle: string): Promise<string | null> {
    this.called('userIdByHandle');
    return [...this.handles].find(([, h]) => h === handle)?.[0] ?? null;
  }

  async userEmail(userId: string): Promise<string | null> {
    this.called('userEmail');
    return this.emails.get(userId) ?? null;
  }

  async openView(triggerId: string, view: Record<string, unknown>): Promise<string | null> {
    this.called('openView');
    const viewId = `V${String(this.next()).padStart(8, '0')}`;
    this.views.push({ triggerId, viewId, view });
    return viewId;
  }

  async updateView(viewId: string, view: Record<string, unknown>): Promise<void> {
    this.called('updateView');
    this.viewUpdates.push({ viewId, view });
  }

  async publishHome(userId: string, view: Record<string, unknown>): Promise<void> {
    this.called('publishHome');
    this.homes.push({ userId, view });
  }

  private called(method: keyof Chat): void {
    this.calls.push(method);
    const error = this.failing.get(method);
    if (error) throw error;
  }

  private next(): number {
    this.n += 1;
    return this.n;
  }
}
