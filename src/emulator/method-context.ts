/** What every emulated Web API method shares: the call's context, Slack's error, argument readers. */
import { checkBlockKit } from './block-kit-rules.ts';
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
  // A private channel is invisible to an app that is not in it: Slack answers channel_not_found, as for one that
  // does not exist (https://docs.slack.dev/apis/web-api/using-the-conversations-api, "private channels").
  if (channel.isPrivate && !channel.isIm && !channel.members.has(ctx.actor))
    throw new SlackApiError('channel_not_found');
  if (member && !channel.members.has(ctx.actor)) throw new SlackApiError('not_in_channel');
  return channel;
}

/**
 * A channel by ID, or by name (`#announce` or `announce`), for the methods whose `channel` Slack documents as
 * either: chat.postMessage "An encoded ID or channel name", chat.postEphemeral "Can be an encoded ID, or a
 * name." (api-ref docs.slack.dev/methods/chat.postMessage.json, chat.postEphemeral.json).
 */
export function channelOrNameOf(ctx: CallContext, idOrName: unknown): Channel {
  const key = str(idOrName);
  const named = ctx.workspace.channels.has(key) ? undefined : ctx.workspace.channelByName(key.replace(/^#/, ''));
  return channelOf(ctx, named && !named.isIm ? named.id : key);
}

export function messageOf(channel: Channel, ts: unknown): Message {
  const message = channel.messages.find((m) => m.ts === str(ts));
  if (!message) throw new SlackApiError('message_not_found');
  return message;
}

/**
 * A message's `blocks`, checked as Slack checks them. Not JSON, or not an array: `invalid_blocks_format` ("The
 * `blocks` is not a valid JSON object or doesn't match the Block Kit syntax."); past a Block Kit limit:
 * `invalid_blocks`, with each finding in `errors` and, prefixed, in `response_metadata.messages`, as
 * chat.postMessage answers (quoted in slackapi/java-slack-sdk#1017: `"errors": ["must be less than 3001
 * characters [json-pointer:/blocks/0/text/text]"]`). Documented for chat.postMessage, chat.update and
 * chat.postEphemeral in api-ref.
 */
export function messageBlocks(args: Args): unknown[] | undefined {
  const raw = args['blocks'];
  if (raw === undefined || raw === '') return undefined;
  let blocks: unknown = raw;
  if (typeof raw === 'string') {
    try {
      blocks = JSON.parse(raw);
    } catch {
      throw new SlackApiError('invalid_blocks_format');
    }
  }
  if (!Array.isArray(blocks)) throw new SlackApiError('invalid_blocks_format');
  const messages = checkBlockKit('message', { blocks });
  if (messages.length > 0) {
    throw new SlackApiError('invalid_blocks', {
      errors: messages.map((m) => m.replace(/^\[ERROR\] /, '')),
      response_metadata: { messages },
    });
  }
  return blocks;
}

/**
 * A view argument, checked as views.open/update/push/publish check it: Slack answers `invalid_arguments` with
 * "[ERROR] failed to match all allowed schemas [json-pointer:/view]" and then each finding (recorded in
 * ../shared/slack/cassettes/spec/fixtures/slack/web/views_open_error.yml, and for private_metadata in public bot
 * write-ups: "[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]").
 */
export function checkedView(args: Args, type: 'modal' | 'home'): Record<string, unknown> {
  const view = json<Record<string, unknown>>(args['view']);
  const refuse = (messages: string[]) =>
    new SlackApiError('invalid_arguments', {
      response_metadata: {
        messages: ['[ERROR] failed to match all allowed schemas [json-pointer:/view]', ...messages],
      },
    });
  if (!view || typeof view !== 'object') throw refuse(['[ERROR] missing required field: type [json-pointer:/view]']);
  if (view['type'] !== type) throw refuse([`[ERROR] must be "${type}" here [json-pointer:/view/type]`]);
  // view_too_large: "Error returned if the provided view is greater than 250kb." (api-ref views.*.json)
  if (Buffer.byteLength(JSON.stringify(view)) > 250_000) throw new SlackApiError('view_too_large');
  const messages = checkBlockKit(type, view);
  // callback_id: "Max length of 255 characters." (https://docs.slack.dev/reference/views/modal-views)
  const callbackId = view['callback_id'];
  if (typeof callbackId === 'string' && callbackId.length > 255) {
    messages.push('[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]');
  }
  if (messages.length > 0) throw refuse(messages);
  return view;
}
