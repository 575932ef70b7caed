import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs, SlashCommand } from '@slack/bolt';
import { type Answers, buildMiddlewareArgs } from './build-middleware-args.ts';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/incident <text>` as Bolt hands it to a command listener, run by UANA in CINC1 unless told otherwise. */
export function buildSlashCommand(
  text: string,
  overrides: Partial<SlashCommand> = {},
): { args: CommandArgs; answers: Answers } {
  const base = buildMiddlewareArgs();
  const command: SlashCommand = {
    token: 'verification-token',
    command: '/incident',
    text,
    response_url: 'https://hooks.slack.com/commands/T1/1/abc',
    trigger_id: 'T1.trigger',
    user_id: 'UANA',
    user_name: 'ana',
    team_id: 'T1',
    team_domain: 'acme',
    channel_id: 'CINC1',
    channel_name: 'inc-2030-04-07-checkout-latency',
    api_app_id: 'A1',
    ...overrides,
  };
  const args: CommandArgs = {
    ...base.args,
    payload: command,
    command,
    body: command,
    ack: base.ack,
    respond: base.respond,
    say: base.say,
  };
  return { args, answers: base.answers };
}
