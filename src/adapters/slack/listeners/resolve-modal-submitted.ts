import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { resolveIncident } from '#use-cases/resolve-incident.ts';
import { readResolveModal } from '../blocks/resolve-modal.ts';
import { checkAllowed } from './check-allowed.ts';
import { type ListenerContext, somethingWentWrong } from './listener-context.ts';

/** The resolve form was submitted: record what people wrote, resolve, draft the RCA. */
export function resolveModalSubmitted(ctx: ListenerContext) {
  return async ({ view, body, ack }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { incidentId } = JSON.parse(view.private_metadata || '{}') as { incidentId?: string };
    const incident = incidentId ? await ctx.deps.store.getIncident(incidentId) : null;
    if (!incident) return;
    try {
      // The form opened before the checks ran, so they run again here.
      const refusal = await checkAllowed(ctx.deps, body.user.id, 'resolve', incident);
      if (refusal) {
        if (incident.channelId) await ctx.deps.chat.postEphemeral(incident.channelId, body.user.id, { text: refusal });
        return;
      }
      const outcome = await resolveIncident(
        ctx.deps,
        incident,
        body.user.id,
        `resolved:${incident.id}`,
        readResolveModal(view.state.values as never),
      );
      if (!outcome.ok && incident.channelId)
        await ctx.deps.chat.postEphemeral(incident.channelId, body.user.id, { text: outcome.message });
    } catch (error) {
      if (incident.channelId) {
        await ctx.deps.chat
          .postEphemeral(incident.channelId, body.user.id, {
            text: somethingWentWrong(ctx, error, 'resolving the incident'),
          })
          .catch(() => undefined);
      }
    }
  };
}
