import type { IncidentCommand } from '#domain/incident-command.ts';
import type { Incident } from '#domain/incident.ts';
import { authorizeChange } from '#use-cases/authorize-change.ts';
import type { Deps } from '#use-cases/deps.ts';

/**
 * The listeners' side of `authorizeChange`: null when the person may go on, otherwise the sentence to
 * answer them with. The decision is the use case's.
 */
export async function checkAllowed(
  deps: Deps,
  userId: string,
  kind: IncidentCommand['kind'],
  incident: Incident | null,
): Promise<string | null> {
  const outcome = await authorizeChange(deps, userId, kind, incident);
  return outcome.ok ? null : outcome.message;
}
