import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { type Answers, buildMiddlewareArgs } from './build-middleware-args.ts';

export type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

export interface ShortcutOn {
  channelId?: string;
  ts?: string;
  text?: string;
  /** The message's author; none for a bot's message. */
  author?: string;
  userId?: string;
}

/** The message shortcut, used by UBOB on UCAT's message in CINC1 unless told otherwise. */
export function buildMessageShortcut(
  callbackId: string,
  on: ShortcutOn = {},
): { args: ShortcutArgs; answers: Answers } {
  const base = buildMiddlewareArgs();
  const { channelId = 'CINC1', ts = '1901784600.000100', text = 'Rolled back the deploy', userId = 'UBOB' } = on;
  const author = 'author' in on ? on.author : 'UCAT';
  const shortcut: MessageShortcut = {
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: 'T4.trigger',
    message_ts: ts,
    response_url: 'https://hooks.slack.com/app/T1/1/abc',
    message: { type: 'message', ts, text, ...(author ? { user: author } : {}) },
    user: { id: userId, name: userId.toLowerCase() },
    channel: { id: channelId, name: channelId },
    team: { id: 'T1', domain: 'acme' },
    token: 'verification-token',
    action_ts: '1901784700.000100',
  };
  const args: ShortcutArgs = {
    ...base.args,
    payload: shortcut,
    shortcut,
    body: shortcut,
    ack: base.ack,
    respond: base.respond,
    say: base.say,
  };
  return { args, answers: base.answers };
}
