/** What every emulated Web API method shares: the call's context, Slack's error, argument readers. */
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

export type Args = Record<string, unknown>;
export type Handler = (args: Args, ctx: CallContext) => Record<string, unknown>;

export const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
export const json = <T>(v: unknown): T | undefined => {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') return v as T;
  try {
    return JSON.parse(v) as T;
  } catch {
    throw new SlackApiError('invalid_arguments');
  }
};

export function channelOf(ctx: CallContext, id: unknown, member = false): Channel {
  const key = str(id);
  const channel =
    key.startsWith('U') || key.startsWith('W') ? ctx.workspace.imWith(key) : ctx.workspace.channels.get(key);
  if (!channel) throw new SlackApiError('channel_not_found');
  if (member && !channel.members.has(ctx.actor)) throw new SlackApiError('not_in_channel');
  return channel;
}

export function messageOf(channel: Channel, ts: unknown): Message {
  const message = channel.messages.find((m) => m.ts === str(ts));
  if (!message) throw new SlackApiError('message_not_found');
  return message;
}
