import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { postStatusUpdate } from '#use-cases/post-status-update.ts';
import { readUpdateModal } from '../blocks/update-modal.ts';
import { checkAllowed } from './check-allowed.ts';
import { type ListenerContext, somethingWentWrong } from './listener-context.ts';

/** The status-update form was submitted: post it, with the status and next update it says. */
export function updateModalSubmitted(ctx: ListenerContext) {
  return async ({ view, body, ack }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { incidentId } = JSON.parse(view.private_metadata || '{}') as { incidentId?: string };
    const incident = incidentId ? await ctx.deps.store.getIncident(incidentId) : null;
    if (!incident?.channelId) return;
    const tell = (text: string) => ctx.deps.chat.postEphemeral(incident.channelId!, body.user.id, { text });
    try {
      // The form opened before the checks ran, so they run again here.
      const refusal = await checkAllowed(ctx.deps, body.user.id, 'update', incident);
      if (refusal) {
        await tell(refusal);
        return;
      }
      const input = readUpdateModal(view.state.values as never);
      const outcome = await postStatusUpdate(ctx.deps, ctx.updates, incident, input, body.user.id, view.id);
      if (!outcome.ok) await tell(outcome.message);
    } catch (error) {
      await tell(somethingWentWrong(ctx, error, 'posting the status update')).catch(() => undefined);
    }
  };
}
