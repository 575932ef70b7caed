import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { completeActionItem, snoozeReminder } from '#use-cases/complete-action-item.ts';
import { type ListenerContext, somethingWentWrong } from './listener-context.ts';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

function readRef(args: Args): { file: string; key: string } | null {
  try {
    const { f, k } = JSON.parse(args.action.value ?? '') as { f?: string; k?: string };
    return f && k ? { file: f, key: k } : null;
  } catch {
    return null;
  }
}

/** Answers in the reminder's thread, where the person pressed the button. */
async function reply(ctx: ListenerContext, args: Args, text: string): Promise<void> {
  const channel = args.body.channel?.id ?? args.body.container?.channel_id;
  const ts = args.body.message?.ts ?? args.body.container?.message_ts;
  if (channel) await ctx.deps.chat.post(channel, { text }, ts);
}

/** The reminder's Done button: the row is marked done in its RCA by a commit. */
export function reminderDone(ctx: ListenerContext) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    const ref = readRef(args);
    if (!ref) return;
    try {
      const outcome = await completeActionItem(ctx.deps, ref, args.body.user.id);
      await reply(ctx, args, outcome.ok ? `✅ ${outcome.value}` : `I did not mark it done: ${outcome.message}`);
    } catch (error) {
      await reply(ctx, args, somethingWentWrong(ctx, error, 'marking the action item done')).catch(() => undefined);
    }
  };
}

function snooze(days: number) {
  return (ctx: ListenerContext) =>
    async (args: Args): Promise<void> => {
      await args.ack();
      const ref = readRef(args);
      if (!ref) return;
      try {
        const until = await snoozeReminder(ctx.deps, ref, days);
        await reply(ctx, args, `😴 Snoozed: no reminder for this one before ${until}.`);
      } catch (error) {
        await reply(ctx, args, somethingWentWrong(ctx, error, 'snoozing the reminder')).catch(() => undefined);
      }
    };
}

export const reminderSnoozeDay = snooze(1);
export const reminderSnoozeWeek = snooze(7);
