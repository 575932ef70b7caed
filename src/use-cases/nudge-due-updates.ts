import { leadOf } from '#domain/incident.ts';
import { resolvedStatus } from '#domain/resolved-status.ts';
import { cadenceFor, dueNudgeSlot, expectsUpdates } from '#domain/update-cadence.ts';
import type { NudgeLedger, UpdatePublisher } from '#src/ports.ts';
import type { NudgeDueUpdatesDeps } from './deps.ts';

/**
 * Nudges the lead (or the declarer, with no lead) of each open incident whose status update is due and
 * missing, once per missed period: the ledger gives each period to one caller, across restarts and
 * replicas. Nothing once the incident is mitigated or resolved. A nudge Slack refuses is logged and the
 * others go on. Gives the number of nudges sent.
 */
export async function nudgeDueUpdates(
  deps: NudgeDueUpdatesDeps,
  publisher: UpdatePublisher,
  ledger: NudgeLedger,
): Promise<number> {
  const config = deps.config.incident;
  const now = deps.clock.now();
  let sent = 0;
  const open = await deps.store.listIncidents({ excludeStatus: resolvedStatus(config.statuses) });
  for (const incident of open) {
    const cadence = cadenceFor(incident.severity, config.updateEvery);
    if (cadence === null || !expectsUpdates(incident.status, config.statuses) || !incident.channelId) continue;
    const last = (await deps.store.listTimeline(incident.id)).filter((e) => e.kind === 'update').at(-1);
    const slot = dueNudgeSlot({
      lastAt: last?.at ?? incident.declaredAt,
      nextAt: last?.detail?.to || null,
      cadenceMinutes: cadence,
      now,
    });
    if (slot === null || !(await ledger.claimNudge(incident.id, slot, now.toISOString()))) continue;
    try {
      await publisher.nudge(incident, leadOf(incident, config.roles) ?? incident.declaredBy, slot);
      sent += 1;
    } catch (error) {
      // One incident's channel (archived, say) holds up no other's nudge; its period stays claimed.
      deps.log.warn({ err: error, incidentId: incident.id, slot }, 'could not nudge for a status update');
    }
  }
  return sent;
}
