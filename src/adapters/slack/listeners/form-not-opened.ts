import { slackError } from '../slack-chat.ts';
import { type ListenerContext, somethingWentWrong } from './listener-context.ts';

/**
 * What the person reads when a form did not open: views.open's trigger errors (api-ref views.open:
 * `expired_trigger_id` "The trigger_id is expired.", `exchanged_trigger_id` "The trigger_id was already
 * exchanged in a previous call.") in words, anything else as `somethingWentWrong`; each with `instead`,
 * the command that does the same without the form.
 */
export function formNotOpened(
  ctx: ListenerContext,
  error: unknown,
  form: string,
  instead: string,
  from: 'button' | 'command' = 'button',
): string {
  const code = slackError(error);
  const [act, again] = from === 'button' ? ['click', 'Click the button again'] : ['command', 'Run it again'];
  if (code === 'expired_trigger_id')
    return `The ${form} did not open: Slack allows 3 seconds and this ${act} took longer to reach the bot. ${again}, or run ${instead}.`;
  if (code === 'exchanged_trigger_id')
    return `The ${form} did not open: this ${act} was already used. ${again}, or run ${instead}.`;
  return `${somethingWentWrong(ctx, error, `opening the ${form}`)} Or run ${instead}.`;
}
