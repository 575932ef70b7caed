import { type Incident, isPrivate } from '#domain/incident.ts';
import type { Deps } from './deps.ts';

const askedKey = (incidentId: string) => `rca.asked:${incidentId}`;

/** What the channel is told while a private incident's RCA waits for `/incident rca`. */
export const RCA_HELD_TEXT =
  '🔒 This is a private incident: its RCA draft is committed only when someone here runs `/incident rca` (incident.private.commit: on-request).';

/** `/incident rca` in a private incident's channel: from now on its RCA is committed. */
export async function markRcaAsked(deps: Pick<Deps, 'store' | 'clock'>, incident: Incident): Promise<void> {
  if (isPrivate(incident)) await deps.store.setSetting(askedKey(incident.id), deps.clock.now().toISOString());
}

/**
 * Whether the RCA of this incident waits: a private one with `incident.private.commit: on-request` that
 * nobody in its channel has asked for yet. A public incident's RCA never waits.
 */
export async function isRcaHeld(deps: Pick<Deps, 'store' | 'config'>, incident: Incident): Promise<boolean> {
  if (!isPrivate(incident) || deps.config.incident.private.commit !== 'on-request') return false;
  return (await deps.store.getSetting(askedKey(incident.id))) === null;
}
