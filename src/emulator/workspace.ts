/** The emulator's in-memory Slack workspace. */

export interface User {
  id: string;
  name: string;
  realName: string;
  email: string;
  isBot: boolean;
}

export interface Message {
  ts: string;
  user?: string;
  botId?: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  reactions: Map<string, Set<string>>;
  edited?: { user: string; ts: string };
  replyCount: number;
}

export interface Channel {
  id: string;
  name: string;
  created: number;
  creator: string;
  isIm: boolean;
  topic: string;
  purpose: string;
  members: Set<string>;
  pins: Set<string>;
  messages: Message[];
}

export interface View {
  id: string;
  userId: string;
  view: Record<string, unknown>;
  type: 'modal' | 'home';
}

export class Workspace {
  readonly teamId = 'T0EMULATE';
  readonly teamDomain = 'emulated';
  readonly appId = 'A0SCRIBE';
  readonly botId = 'B0SCRIBE';
  readonly botUserId = 'U0SCRIBE';
  readonly users = new Map<string, User>();
  readonly usergroups = new Map<string, { id: string; handle: string; users: string[] }>();
  readonly channels = new Map<string, Channel>();
  readonly views = new Map<string, View>();
  readonly ephemerals: { channel: string; user: string; text: string; blocks?: unknown[] }[] = [];
  private readonly triggers = new Map<string, string>();
  private lastTs = 0;
  private counter = 0;

  constructor() {
    this.addUser({
      id: this.botUserId,
      name: 'incident-scribe',
      realName: 'Incident Scribe',
      email: '',
      isBot: true,
    });
  }

  addUser(user: User): User {
    this.users.set(user.id, user);
    return user;
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(8, '0')}`;
  }

  /** Strictly increasing message timestamps, as Slack's are within a channel. */
  nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastTs + 1);
    this.lastTs = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  /** A trigger id like Slack's (`12345.98765.abcd2358fdea`), remembered with the person it belongs to. */
  newTrigger(userId: string): string {
    this.counter += 1;
    const id = `${this.counter}.${Date.now()}.${Math.random().toString(16).slice(2, 14)}`;
    this.triggers.set(id, userId);
    return id;
  }

  triggerUser(triggerId: string): string | undefined {
    return this.triggers.get(triggerId);
  }

  createChannel(name: string, creator: string, isIm = false): Channel {
    const channel: Channel = {
      id: this.nextId(isIm ? 'D' : 'C'),
      name,
      created: Math.floor(Date.now() / 1000),
      creator,
      isIm,
      topic: '',
      purpose: '',
      members: new Set([creator]),
      pins: new Set(),
      messages: [],
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  channelByName(name: string): Channel | undefined {
    return [...this.channels.values()].find((c) => c.name === name);
  }

  /** The direct-message channel between the bot and a person, opened on first use. */
  imWith(userId: string): Channel {
    const existing = [...this.channels.values()].find((c) => c.isIm && c.members.has(userId));
    if (existing) return existing;
    const channel = this.createChannel(`dm-${userId}`, this.botUserId, true);
    channel.members.add(userId);
    return channel;
  }

  findMessage(channelId: string, ts: string): Message | undefined {
    return this.channels.get(channelId)?.messages.find((m) => m.ts === ts);
  }
}
