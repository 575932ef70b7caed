/** The emulator's in-memory Slack workspace. */

export interface User {
  id: string;
  name: string;
  realName: string;
  email: string;
  isBot: boolean;
  /** Deactivated: still listed (`deleted: true`), but cannot be invited. */
  deleted?: boolean;
  /** A guest account: `multi` (restricted) or `single` (ultra restricted, one channel at most). */
  guest?: 'multi' | 'single';
  /** The error conversations.invite answers for this person whatever else holds (`no_permission`, …). */
  inviteError?: string;
  /** The error users.lookupByEmail answers for this person's address (`enterprise_is_restricted`). */
  lookupError?: string;
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
  isPrivate: boolean;
  isArchived: boolean;
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
  /** Changes with every update; views.update and views.publish refuse a stale one (`hash_conflict`). */
  hash: string;
}

/** A trigger_id the emulator handed out: whose it is, when its payload was sent, whether it was used. */
interface Trigger {
  userId: string;
  sentAt: number;
  delivered?: boolean;
  exchanged: boolean;
}

/** How long a trigger_id can be exchanged after its payload was sent (see `exchangeTrigger`). */
export const TRIGGER_LIFETIME_MS = 3000;

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
  /**
   * The workspace preference for who may create channels: `admins` keeps the bot from creating any, and
   * conversations.create answers `restricted_action` ("A team (workspace) preference prevents the
   * authenticated user from creating channels.", api-ref conversations.create.json).
   */
  channelCreation: 'everyone' | 'admins' = 'everyone';
  private readonly triggers = new Map<string, Trigger>();
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
    this.triggers.set(id, { userId, sentAt: Date.now(), exchanged: false });
    return id;
  }

  triggerUser(triggerId: string): string | undefined {
    return this.triggers.get(triggerId)?.userId;
  }

  /** The moment a payload carrying the trigger went to the app (the first time; a retry keeps it). */
  triggerSent(triggerId: string, at: number): void {
    const trigger = this.triggers.get(triggerId);
    if (trigger && !trigger.delivered) Object.assign(trigger, { sentAt: at, delivered: true });
  }

  /**
   * Exchanges a trigger for a view, once, within 3 seconds of the payload that carried it: "Pass a valid
   * trigger_id within 3 seconds of receiving it" (https://docs.slack.dev/tools/bolt-js/concepts/creating-modals,
   * https://docs.slack.dev/surfaces/modals); views.open and views.push document `expired_trigger_id` ("The
   * trigger_id is expired") and `exchanged_trigger_id` ("The trigger_id was already exchanged in a previous
   * call") in src/emulator/api-ref/docs.slack.dev/methods/views.open.json.
   */
  exchangeTrigger(
    triggerId: string,
    at: number,
  ): 'ok' | 'invalid_trigger_id' | 'expired_trigger_id' | 'exchanged_trigger_id' {
    const trigger = this.triggers.get(triggerId);
    if (!trigger) return 'invalid_trigger_id';
    if (trigger.exchanged) return 'exchanged_trigger_id';
    if (at - trigger.sentAt > TRIGGER_LIFETIME_MS) return 'expired_trigger_id';
    trigger.exchanged = true;
    return 'ok';
  }

  createChannel(name: string, creator: string, kind: { isIm?: boolean; isPrivate?: boolean } = {}): Channel {
    const isIm = kind.isIm ?? false;
    const channel: Channel = {
      // Slack's ids: C for public channels, G for older private ones (new ones are C too), D for DMs.
      id: this.nextId(isIm ? 'D' : 'C'),
      name,
      created: Math.floor(Date.now() / 1000),
      creator,
      isIm,
      isPrivate: kind.isPrivate ?? false,
      isArchived: false,
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
    const channel = this.createChannel(`dm-${userId}`, this.botUserId, { isIm: true });
    channel.members.add(userId);
    return channel;
  }

  findMessage(channelId: string, ts: string): Message | undefined {
    return this.channels.get(channelId)?.messages.find((m) => m.ts === ts);
  }
}
