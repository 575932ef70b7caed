import { slackError } from '../slack-chat.ts';
import { type ListenerContext, somethingWentWrong } from './listener-context.ts';

/**
 * What the person reads when a form did not open: views.open's trigger errors (api-ref views.open:
 * `expired_trigger_id` "The trigger_id is expired.", `exchanged_trigger_id` "The trigger_id was already
 * exchanged in a previous call.") in words, anything else as `somethingWentWrong`; each with `instead`,
 * the command that does the same without the form.
 */
export function formNotOpened(ctx: ListenerContext, error: unknown, form: string, instead: string): string {
  const code = slackError(error);
  if (code === 'expired_trigger_id')
    return `The ${form} did not open: Slack allows 3 seconds and this click took longer to reach the bot. Click the button again, or run ${instead}.`;
  if (code === 'exchanged_trigger_id')
    return `The ${form} did not open: this click was already used. Click the button again, or run ${instead}.`;
  return `${somethingWentWrong(ctx, error, `opening the ${form}`)} Or run ${instead}.`;
}
