import type { Incident } from '#domain/incident.ts';
import { parseStartTime } from '#domain/parse-start-time.ts';
import type { Outcome, SetImpactStartDeps } from './deps.ts';
import { fail, ok } from './deps.ts';
import { recordChange } from './record-change.ts';

/**
 * `/incident started 14:02`: when impact began, in the bot's time zone (`rca.timeZone`). The timeline
 * holds one such entry, at that time; setting it again replaces it.
 */
export async function setImpactStart(
  deps: SetImpactStartDeps,
  incident: Incident,
  text: string,
  by: string,
): Promise<Outcome<string>> {
  const timeZone = deps.config.rca.timeZone;
  const parsed = parseStartTime(text, deps.clock.now(), timeZone);
  if (!parsed.ok) return fail(parsed.message);
  const key = `started:${incident.id}`;
  await deps.store.removeTimelineEntry(key);
  await recordChange(deps, incident.id, key, 'started', { to: parsed.at, byId: by }, parsed.at);
  await deps.onIncidentChanged(incident.id);
  const declared = Date.parse(incident.declaredAt);
  const afterDeclare = Date.parse(parsed.at) > declared;
  return ok(
    `Impact began at ${parsed.at.slice(0, 16).replace('T', ' ')} UTC.${
      afterDeclare ? ' That is after the declaration, so the time to detect counts as 0.' : ''
    }`,
  );
}
