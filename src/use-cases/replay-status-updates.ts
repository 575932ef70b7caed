import type { UpdatePublisher } from '#src/ports.ts';
import type { Deps } from './deps.ts';
import { statusUpdateEntry } from './status-update-entry.ts';

/** How long an update may be in the middle of being posted before another run takes it over. */
export const UPDATE_LEASE_MS = 60_000;

/**
 * Posts the status updates a stopped process recorded but did not post: each is claimed by one caller
 * (across replicas), its timeline entry written if it was not yet, then posted as it was written, once.
 * Runs at start and with every look for overdue updates. Says how many it posted.
 */
export async function replayStatusUpdates(deps: Deps, publisher: UpdatePublisher): Promise<number> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - UPDATE_LEASE_MS).toISOString();
  let posted = 0;
  for (const pending of await publisher.outbox.claimStale(before, now.toISOString())) {
    const incident = await deps.store.getIncident(pending.incidentId);
    if (!incident) {
      await publisher.outbox.sent(pending.key, now.toISOString());
      continue;
    }
    await deps.store.addTimelineEntry(statusUpdateEntry(pending));
    await publisher.publish(incident, pending.update, pending.channels);
    await publisher.outbox.sent(pending.key, deps.clock.now().toISOString());
    posted += 1;
  }
  return posted;
}
