import { randomUUID } from 'node:crypto';
import type { Logger } from '#adapters/log/create-logger.ts';
import { draftAndAnnounceRca } from '#adapters/slack/post-rca-result.ts';
import { refreshSummary } from '#adapters/slack/refresh-summary.ts';
import type { BotConfig } from '#config/bot-config.ts';
import type { Chat, Clock, IncidentStore, MessageLog } from '#src/ports.ts';
import type { IncidentEvents } from '#src/ports/incident-events.ts';
import type { Deps, RcaDeps, TrackerDeps } from '#use-cases/deps.ts';

/**
 * What every use case is given, complete: a changed incident refreshes its pinned summary and App Home,
 * and a resolved one drafts and announces its RCA.
 */
export function buildDeps(parts: {
  store: IncidentStore;
  chat: Chat;
  clock: Clock;
  config: BotConfig;
  log: Logger;
  messages: MessageLog;
  rca: RcaDeps;
  events: IncidentEvents | null;
  tracker: TrackerDeps | null;
}): Deps {
  const deps: Deps = {
    ...parts,
    ids: { next: (prefix) => `${prefix}-${randomUUID()}` },
    onIncidentChanged: (id) => refreshSummary(deps, id),
    onRcaRequested: (id) => draftAndAnnounceRca(deps, id),
  };
  return deps;
}
