import type { NudgeLedger, UpdatePublisher } from '#src/ports.ts';
import type { Deps } from '#use-cases/deps.ts';
import { nudgeDueUpdates } from '#use-cases/nudge-due-updates.ts';
import { replayStatusUpdates } from '#use-cases/replay-status-updates.ts';

/**
 * Posts the status updates a stopped process recorded but never posted (at start, then with each look),
 * and looks for overdue status updates every `incident.updateCheckSeconds`. The due times live in the store
 * (each update's next time), so a restart picks up where it was; the ledger makes one replica send each.
 */
export function startUpdateNudges(deps: Deps, publisher: UpdatePublisher, ledger: NudgeLedger): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const replayed = await replayStatusUpdates(deps, publisher);
      if (replayed > 0) deps.log.info({ replayed }, 'posted status updates a stopped process had recorded');
      const sent = await nudgeDueUpdates(deps, publisher, ledger);
      if (sent > 0) deps.log.info({ sent }, 'nudged leads for overdue status updates');
    } catch (error) {
      deps.log.error({ err: error }, 'looking for overdue status updates failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, deps.config.incident.updateCheckSeconds * 1000);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
