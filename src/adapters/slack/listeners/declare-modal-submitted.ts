import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { matchSeverity } from '#domain/severity.ts';
import { declareIncident } from '#use-cases/declare-incident.ts';
import { readDeclareModal, severityFromValue } from '../blocks/declare-modal.ts';
import { describeDeclared } from '../blocks/describe-declared.ts';
import { checkAllowed } from './check-allowed.ts';
import { type ListenerContext, somethingWentWrong } from './listener-context.ts';

/** The declare form was submitted: validate, close it, declare, and tell the person where to go. */
export function declareModalSubmitted(ctx: ListenerContext) {
  return async ({ view, body, ack }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const form = readDeclareModal(view.state.values as never);
    if (form.title === '') {
      await ack({ response_action: 'errors', errors: { title: 'Give the incident a title.' } });
      return;
    }
    await ack();
    const userId = body.user.id;
    try {
      // The form opened before the checks ran, so they run again here.
      const refusal = await checkAllowed(ctx.deps, userId, 'declare', null);
      if (refusal) {
        await ctx.deps.chat.post(userId, { text: refusal });
        return;
      }
      const severities = ctx.deps.config.incident.severities;
      const severity = form.severity ? matchSeverity(severityFromValue(severities, form.severity), severities) : null;
      const outcome = await declareIncident(ctx.deps, {
        title: form.title,
        severity,
        declaredBy: userId,
        summary: form.summary,
        services: form.services,
        private: form.private,
        requestKey: view.id,
      });
      await ctx.deps.chat.post(userId, {
        text: outcome.ok
          ? describeDeclared(outcome.value.incident.channelId!, userId, outcome.value.notInvited)
          : outcome.message,
      });
    } catch (error) {
      await ctx.deps.chat
        .post(userId, { text: somethingWentWrong(ctx, error, 'declaring the incident') })
        .catch(() => undefined);
    }
  };
}
