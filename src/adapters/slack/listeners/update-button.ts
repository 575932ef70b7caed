import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ephemeral } from '../blocks/mrkdwn.ts';
import { buildNoticeModal } from '../blocks/notice-modal.ts';
import { buildUpdateModal } from '../blocks/update-modal.ts';
import { checkAllowed } from './check-allowed.ts';
import { formNotOpened } from './form-not-opened.ts';
import type { ListenerContext } from './listener-context.ts';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * The nudge's "Post update" button: the form opens first (its trigger lasts 3 seconds), the check after.
 * A form that does not open is told to the person who clicked, with what to do instead.
 */
export function updateButton(ctx: ListenerContext) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    try {
      const incident = await ctx.deps.store.getIncident(args.action.value ?? '');
      if (!incident) return;
      const viewId = await ctx.deps.chat.openView(args.body.trigger_id, buildUpdateModal(incident, ctx.deps.config));
      const refusal = await checkAllowed(ctx.deps, args.body.user.id, 'update', incident);
      if (refusal && viewId) await ctx.deps.chat.updateView(viewId, buildNoticeModal('Not allowed', refusal));
    } catch (error) {
      const text = formNotOpened(
        ctx,
        error,
        'update form',
        '`/incident update <what changed>` in the incident channel',
      );
      await args.respond({ ...ephemeral(text), replace_original: false }).catch(() => undefined);
    }
  };
}
