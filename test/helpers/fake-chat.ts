import type { Chat, ChatMessage, CreateChannelResult, FetchedMessage, InviteRefusal } from '#src/ports.ts';

/** An in-memory Chat for use-case tests: it keeps Slack's channel-name rules and records posts. */
export class FakeChat implements Chat {
  readonly channels = new Map<
    string,
    { name: string; members: Set<string>; messages: { ts: string; message: ChatMessage; threadTs?: string }[] }
  >();
  readonly messages = new Map<string, FetchedMessage>();
  private n = 0;

  private next(): number {
    this.n += 1;
    return this.n;
  }

  async createChannel(name: string): Promise<CreateChannelResult> {
    if (!/^[a-z0-9_-]{1,80}$/.test(name) || !/[a-z0-9]/.test(name)) throw new Error(`invalid_name: ${name}`);
    if ([...this.channels.values()].some((c) => c.name === name)) return { ok: false, error: 'name_taken' };
    const id = `C${String(this.next()).padStart(8, '0')}`;
    this.channels.set(id, { name, members: new Set(['UBOT']), messages: [] });
    return { ok: true, id, name };
  }
  async setTopicAndPurpose(): Promise<void> {}
  /** People whose invite Slack refuses, with its reason. */
  readonly refuse = new Map<string, string>();
  async invite(channelId: string, userIds: string[]): Promise<InviteRefusal[]> {
    const refused: InviteRefusal[] = [];
    for (const u of userIds) {
      const reason = this.refuse.get(u);
      if (reason) refused.push({ userId: u, reason });
      else this.channels.get(channelId)?.members.add(u);
    }
    return refused;
  }
  async post(channelId: string, message: ChatMessage, threadTs?: string): Promise<{ ts: string }> {
    const ts = `${1_800_000_000 + this.next()}.000100`;
    if (!this.channels.has(channelId))
      this.channels.set(channelId, { name: channelId, members: new Set(), messages: [] });
    this.channels.get(channelId)!.messages.push({ ts, message, ...(threadTs ? { threadTs } : {}) });
    return { ts };
  }
  async update(): Promise<void> {}
  async postEphemeral(): Promise<void> {}
  async pin(): Promise<void> {}
  async react(): Promise<void> {}
  async unreact(): Promise<void> {}
  async fetchMessage(channelId: string, ts: string): Promise<FetchedMessage | null> {
    return this.messages.get(`${channelId}:${ts}`) ?? null;
  }
  async permalink(channelId: string, ts: string): Promise<string | null> {
    return `https://example.slack.com/archives/${channelId}/p${ts.replace('.', '')}`;
  }
  async userName(userId: string): Promise<string | null> {
    return userId.toLowerCase();
  }
  async usergroupMembers(): Promise<string[]> {
    return [];
  }
  async channelMembers(channelId: string): Promise<string[]> {
    return [...(this.channels.get(channelId)?.members ?? [])];
  }
  async isMember(channelId: string, userId: string): Promise<boolean> {
    return this.channels.get(channelId)?.members.has(userId) ?? false;
  }
  async userIdByEmail(): Promise<string | null> {
    return null;
  }
  async userIdByHandle(): Promise<string | null> {
    return null;
  }
  async userEmail(): Promise<string | null> {
    return null;
  }
  async updateView(): Promise<void> {}
  async openView(): Promise<string | null> {
    return null;
  }
  async publishHome(): Promise<void> {}
}
