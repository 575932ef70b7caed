import type { Logger } from 'pino';
import type { BotConfig } from '#config/bot-config.ts';
import type { Chat, Clock, IdGenerator, IncidentStore, MessageLog, RcaRepository } from '#src/ports.ts';
import type { ActionTracker, TrackerLinks } from '#src/ports/action-tracker.ts';
import type { IncidentEvents } from '#src/ports/incident-events.ts';
import type { RelatedRcas } from './related-rcas.ts';
import type { ReviewRequests } from './review-requests.ts';

/** What every use case is given: ports, never adapters. */
export interface Deps {
  store: IncidentStore;
  chat: Chat;
  clock: Clock;
  ids: IdGenerator;
  config: BotConfig;
  log: Logger;
  /** Called after an incident changes so the pinned summary and App Home follow; set by the composition root. */
  onIncidentChanged?: (incidentId: string) => Promise<void>;
  /** Called when an incident is resolved or an RCA is asked for; set by the composition root. */
  onRcaRequested?: (incidentId: string, requestedBy: string) => Promise<void>;
  /** The RCA repository and the template drafts are rendered from. */
  rca?: RcaDeps;
  /** The messages of incident channels as they arrived, so a pin needs nothing from Slack. */
  messages?: MessageLog;
  /** Where declared, status, severity, update, resolved and rca events go (outgoing webhooks); none: nowhere. */
  events?: IncidentEvents;
  /** The team's issue tracker, when `actions.tracker.provider` names one. */
  tracker?: TrackerDeps;
}

export interface TrackerDeps {
  tracker: ActionTracker;
  links: TrackerLinks;
  /** Pressing Done in Slack closes the item's issue too. */
  closeOnDone: boolean;
}

export interface RcaDeps {
  repo: RcaRepository;
  /** Title, date and services of every RCA, for a draft's Related Incidents. */
  related: RelatedRcas;
  template: string;
  /** Runs `task` as the only writer to the repository, across replicas too. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Where drafts on a review branch are opened as pull or merge requests (`rca.review.provider`). */
  review?: ReviewRequests;
  /** Private incidents' own repository (`incident.private.repo`); none: theirs go to `repo` too. */
  privateRepo?: { repo: RcaRepository; exclusive<T>(task: () => Promise<T>): Promise<T> };
}

export type Outcome<T = void> = { ok: true; value: T; message?: string } | { ok: false; message: string };

export const ok = <T>(value: T, message?: string): Outcome<T> =>
  message === undefined ? { ok: true, value } : { ok: true, value, message };
export const fail = (message: string): Outcome<never> => ({ ok: false, message });
