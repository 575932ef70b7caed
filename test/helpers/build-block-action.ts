import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type Answers, buildMiddlewareArgs } from './build-middleware-args.ts';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export interface ButtonPress {
  actionId: string;
  value?: string;
  userId?: string;
  /** The message the button is on, in a channel or a DM. */
  channelId?: string;
  messageTs?: string;
  triggerId?: string;
}

/** A button press (`block_actions`) as Bolt hands it to an action listener. */
export function buildBlockAction(press: ButtonPress): { args: ButtonArgs; answers: Answers } {
  const base = buildMiddlewareArgs();
  const { actionId, userId = 'UBOB', channelId = 'DBOB', messageTs = '1901784600.000200' } = press;
  const action: ButtonAction = {
    type: 'button',
    action_id: actionId,
    block_id: 'actions',
    text: { type: 'plain_text', text: actionId },
    action_ts: '1901784700.000100',
    ...(press.value !== undefined ? { value: press.value } : {}),
  };
  const body: BlockAction<ButtonAction> = {
    type: 'block_actions',
    actions: [action],
    team: { id: 'T1', domain: 'acme' },
    user: { id: userId, username: userId.toLowerCase() },
    channel: { id: channelId, name: channelId },
    message: { type: 'message', ts: messageTs, text: 'A reminder' },
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    token: 'verification-token',
    response_url: 'https://hooks.slack.com/actions/T1/1/abc',
    trigger_id: press.triggerId ?? 'T2.trigger',
    api_app_id: 'A1',
  };
  const args: ButtonArgs = {
    ...base.args,
    payload: action,
    action,
    body,
    ack: base.ack,
    respond: base.respond,
    say: base.say,
  };
  return { args, answers: base.answers };
}
