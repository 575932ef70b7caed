import { escapeCommandText } from './escape-command-text.ts';
import {
  blockActionsPayload,
  messageActionPayload,
  slashCommandPayload,
  viewSubmissionPayload,
} from './interaction-payloads.ts';
import type { SlackEmulator } from './slack-emulator.ts';
import type { Channel, Message, User } from './workspace.ts';

/**
 * A person in the emulated workspace: what tests (and the demo) do through the Slack client —
 * post, reply, react, edit, delete, run a slash command, press a button, submit a modal.
 */
export class Person {
  private lastResponsePath = '';

  constructor(
    private readonly slack: SlackEmulator,
    readonly user: User,
  ) {}

  get id(): string {
    return this.user.id;
  }

  get mention(): string {
    return `<@${this.user.id}|${this.user.name}>`;
  }

  createChannel(name: string, kind: { isPrivate?: boolean } = {}): Channel {
    return this.slack.workspace.createChannel(name, this.user.id, kind);
  }

  join(channelId: string): void {
    this.channel(channelId).members.add(this.user.id);
  }

  /** Posts a message (in a thread when `threadTs` is given); the bot hears it if it is in the channel. */
  async post(channelId: string, text: string, threadTs?: string): Promise<string> {
    const channel = this.channel(channelId);
    // chat.postMessage's `not_in_channel`: "Cannot post user messages to a channel they are not in"
    // (api-ref/methods/chat/chat.postMessage.json); Slack's client asks a person to join first.
    if (!channel.members.has(this.user.id)) throw new Error(`not_in_channel: ${this.user.name} is not in ${channelId}`);
    const message: Message = {
      ts: this.slack.workspace.nextTs(),
      user: this.user.id,
      text,
      reactions: new Map(),
      replyCount: 0,
    };
    if (threadTs) {
      const parent = channel.messages.find((m) => m.ts === threadTs);
      if (!parent) throw new Error(`no message ${threadTs} to reply to`);
      parent.replyCount += 1;
      message.threadTs = threadTs;
    }
    channel.messages.push(message);
    await this.emitIfBotListens(channel, {
      type: 'message',
      channel: channel.id,
      user: this.user.id,
      text,
      ts: message.ts,
      event_ts: message.ts,
      channel_type: channelType(channel),
      ...(threadTs
        ? { thread_ts: threadTs, parent_user_id: channel.messages.find((m) => m.ts === threadTs)?.user }
        : {}),
    });
    return message.ts;
  }

  async react(channelId: string, ts: string, name: string): Promise<void> {
    const channel = this.channel(channelId);
    const message = this.message(channel, ts);
    const users = message.reactions.get(name) ?? new Set<string>();
    if (users.has(this.user.id)) throw new Error('already_reacted');
    users.add(this.user.id);
    message.reactions.set(name, users);
    await this.emitIfBotListens(channel, this.reactionEvent('reaction_added', channel, message, name));
  }

  async unreact(channelId: string, ts: string, name: string): Promise<void> {
    const channel = this.channel(channelId);
    const message = this.message(channel, ts);
    const users = message.reactions.get(name);
    if (!users?.delete(this.user.id)) throw new Error('no_reaction');
    if (users.size === 0) message.reactions.delete(name);
    await this.emitIfBotListens(channel, this.reactionEvent('reaction_removed', channel, message, name));
  }

  async edit(channelId: string, ts: string, text: string): Promise<void> {
    const channel = this.channel(channelId);
    const message = this.message(channel, ts);
    const previous = { type: 'message', user: message.user, text: message.text, ts: message.ts };
    message.text = text;
    message.edited = { user: this.user.id, ts: this.slack.workspace.nextTs() };
    await this.emitIfBotListens(
      channel,
      this.hiddenMessageEvent(channel, 'message_changed', {
        message: {
          type: 'message',
          user: message.user,
          text,
          ts: message.ts,
          edited: message.edited,
          ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
        },
        previous_message: previous,
      }),
    );
  }

  /**
   * Deletes a message. As on Slack, a thread's parent with replies stays behind as a tombstone
   * ("This message was deleted."), announced by `message_changed`, not `message_deleted`.
   */
  async delete(channelId: string, ts: string): Promise<void> {
    const channel = this.channel(channelId);
    const message = this.message(channel, ts);
    if (message.replyCount > 0) {
      const previous = { type: 'message', user: message.user, text: message.text, ts, thread_ts: ts };
      message.text = 'This message was deleted.';
      message.user = 'USLACKBOT';
      message.reactions.clear();
      await this.emitIfBotListens(
        channel,
        this.hiddenMessageEvent(channel, 'message_changed', {
          message: {
            type: 'message',
            subtype: 'tombstone',
            text: message.text,
            user: 'USLACKBOT',
            hidden: true,
            ts,
            thread_ts: ts,
            reply_count: message.replyCount,
          },
          previous_message: previous,
        }),
      );
      return;
    }
    channel.messages.splice(channel.messages.indexOf(message), 1);
    await this.emitIfBotListens(
      channel,
      this.hiddenMessageEvent(channel, 'message_deleted', {
        deleted_ts: ts,
        previous_message: { type: 'message', user: message.user, text: message.text, ts },
      }),
    );
  }

  /** A `message` event of a hidden subtype (an edit or a deletion), shaped as Slack sends it. */
  private hiddenMessageEvent(channel: Channel, subtype: string, fields: Record<string, unknown>) {
    const eventTs = this.slack.workspace.nextTs();
    return {
      type: 'message',
      subtype,
      channel: channel.id,
      hidden: true,
      ...fields,
      event_ts: eventTs,
      ts: eventTs,
      channel_type: channelType(channel),
    };
  }

  /** Runs `/command text` in a channel; resolves with what the bot acked (an ephemeral answer, if any). */
  async slash(
    command: string,
    text: string,
    channelId: string,
  ): Promise<{ text?: string; response_type?: string } & Record<string, unknown>> {
    const payload = slashCommandPayload(this.slack, this.user, command, text, channelId);
    this.lastResponsePath = new URL(payload.response_url).pathname;
    const ack = (await this.slack.deliver('slash_commands', payload)) as Record<string, unknown> | undefined;
    return (ack ?? {}) as { text?: string };
  }

  /**
   * Runs `/command text` and gives back what the person reads: the ack's text, or else the first answer
   * the bot sent to the command's response_url.
   */
  async ask(command: string, text: string, channelId: string, timeoutMs = 10_000): Promise<string> {
    const ack = await this.slash(command, text, channelId);
    if (typeof ack.text === 'string' && ack.text !== '') return ack.text;
    const path = this.lastResponsePath;
    const start = Date.now();
    for (;;) {
      const answer = this.slack.responses.find((r) => r.url === path && typeof r.body['text'] === 'string');
      if (answer) return String(answer.body['text']);
      if (Date.now() - start > timeoutMs) throw new Error(`no answer to ${command} ${text}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /**
   * Types `/command text` into Slack's client: the app gets the text as Slack escapes it for an
   * escaping command (`escapeCommandText`: `#payments`, `@ana` and links as markup, `&` as `&amp;`);
   * `slash` and `ask` send their text as given. Gives back what the person reads, as `ask` does.
   */
  typeCommand(command: string, typed: string, channelId: string, timeoutMs?: number): Promise<string> {
    return this.ask(command, escapeCommandText(this.slack.workspace, typed), channelId, timeoutMs);
  }

  /** Runs a message shortcut (`callback_id`) on a message. */
  async shortcut(callbackId: string, channelId: string, ts: string): Promise<unknown> {
    const channel = this.channel(channelId);
    const message = this.message(channel, ts);
    return this.slack.deliver('interactive', messageActionPayload(this.slack, this.user, callbackId, channel, message));
  }

  /** Presses a button in a message the bot posted. */
  async pressButton(channelId: string, ts: string, actionId: string): Promise<unknown> {
    const channel = this.channel(channelId);
    const message = this.message(channel, ts);
    return this.slack.deliver('interactive', blockActionsPayload(this.slack, this.user, channel, message, actionId));
  }

  /** Submits the modal the bot opened for this person, with `values[blockId][actionId]` as typed. */
  async submitView(values: Record<string, Record<string, unknown>>): Promise<unknown> {
    const findView = () =>
      [...this.slack.workspace.views.values()].reverse().find((v) => v.type === 'modal' && v.userId === this.user.id);
    const start = Date.now();
    // The bot opens a form just after it acks the command; a person sees it a moment later.
    while (!findView() && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 10));
    const view = findView();
    if (!view) throw new Error(`no modal open for ${this.user.id}`);
    this.slack.workspace.views.delete(view.id);
    return this.slack.deliver('interactive', viewSubmissionPayload(this.slack, this.user, view, values));
  }

  async openHome(): Promise<void> {
    await this.slack.deliverEvent({
      type: 'app_home_opened',
      user: this.user.id,
      channel: this.slack.workspace.imWith(this.user.id).id,
      tab: 'home',
      event_ts: this.slack.workspace.nextTs(),
    });
  }

  private reactionEvent(type: string, channel: Channel, message: Message, name: string): Record<string, unknown> {
    return {
      type,
      user: this.user.id,
      reaction: name,
      item: { type: 'message', channel: channel.id, ts: message.ts },
      item_user: message.user ?? '',
      event_ts: this.slack.workspace.nextTs(),
    };
  }

  private async emitIfBotListens(channel: Channel, event: Record<string, unknown>): Promise<void> {
    if (channel.members.has(this.slack.workspace.botUserId)) await this.slack.deliverEvent(event);
  }

  private channel(id: string): Channel {
    const channel = this.slack.workspace.channels.get(id);
    if (!channel) throw new Error(`no channel ${id}`);
    return channel;
  }

  private message(channel: Channel, ts: string): Message {
    const message = channel.messages.find((m) => m.ts === ts);
    if (!message) throw new Error(`no message ${ts} in ${channel.id}`);
    return message;
  }
}

/**
 * A message event's `channel_type`: "channel", "group" (a private channel), "im" or "mpim"
 * (https://docs.slack.dev/reference/events/message, and message.groups for private channels).
 */
export function channelType(channel: Channel): 'channel' | 'group' | 'im' {
  if (channel.isIm) return 'im';
  return channel.isPrivate ? 'group' : 'channel';
}

export function addPerson(
  slack: SlackEmulator,
  name: string,
  email = `${name}@example.com`,
  traits: Pick<User, 'deleted' | 'guest' | 'inviteError' | 'lookupError'> = {},
): Person {
  const user = slack.workspace.addUser({
    id: slack.workspace.nextId('U'),
    name,
    realName: name[0]!.toUpperCase() + name.slice(1),
    email,
    isBot: false,
    ...traits,
  });
  return new Person(slack, user);
}
