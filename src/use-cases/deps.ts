import type { Logger } from 'pino';
import type { BotConfig } from '#config/bot-config.ts';
import type { ActionTracker, TrackerLinks } from '#src/ports/action-tracker.ts';
import type { IncidentEvents } from '#src/ports/incident-events.ts';
import type {
  BotState,
  Chat,
  Clock,
  IdGenerator,
  IncidentRecords,
  IncidentStore,
  Locks,
  MessageLog,
  RcaRepository,
  ReminderLedger,
  TimelineStore,
} from '#src/ports.ts';
import type { RelatedRcas } from './related-rcas.ts';
import type { ReviewDeps } from './review-requests.ts';

/** What every use case is given: ports, never adapters. */
export interface Deps {
  store: IncidentStore;
  chat: Chat;
  clock: Clock;
  ids: IdGenerator;
  config: BotConfig;
  log: Logger;
  /** Called after an incident changes so the pinned summary and App Home follow. */
  onIncidentChanged: (incidentId: string) => Promise<void>;
  /** Called when an incident is resolved or an RCA is asked for: drafts the RCA and says so in Slack. */
  onRcaRequested: (incidentId: string, requestedBy: string) => Promise<void>;
  /** The RCA repository and the template drafts are rendered from. */
  rca: RcaDeps;
  /** The messages of incident channels as they arrived, so a pin needs nothing from Slack. */
  messages: MessageLog;
  /**
   * Where declared, status, severity, update, resolved and rca events go (outgoing webhooks). Null when
   * no webhook is configured: nothing is published, and nothing is read from the store to publish it.
   */
  events: IncidentEvents | null;
  /** The team's issue tracker; null when `actions.tracker.provider` is `none`. */
  tracker: TrackerDeps | null;
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
  /** Where drafts on a review branch are opened as pull or merge requests, and what is known of them; null when `rca.review.provider` is `none`. */
  review: ReviewDeps | null;
  /** Private incidents' own repository (`incident.private.repo`); null: theirs go to `repo` too. */
  privateRepo: { repo: RcaRepository; exclusive<T>(task: () => Promise<T>): Promise<T> } | null;
}

/*
 * What each use case uses of `Deps`: production passes the whole of it, a test builds only the slice.
 * A use case that calls another takes the other's slice too.
 */
type Settings<K extends keyof BotConfig> = { config: Pick<BotConfig, K> };

export type PublishIncidentEventDeps = Pick<Deps, 'clock' | 'events' | 'log'> & { store: IncidentRecords };
export type RecordChangeDeps = Pick<Deps, 'clock'> & { store: TimelineStore } & PublishIncidentEventDeps;
export type AddNoteDeps = Pick<Deps, 'chat' | 'clock'> & { store: TimelineStore } & PublishIncidentEventDeps;
export type AcknowledgeIncidentDeps = Pick<Deps, 'onIncidentChanged'> & Settings<'incident'> & RecordChangeDeps;
export type AddActionItemDeps = Pick<Deps, 'clock' | 'onRcaRequested'> & {
  store: IncidentRecords & TimelineStore;
} & Settings<'incident' | 'rca'>;
export type AddPinnedThreadsDeps = Pick<Deps, 'chat' | 'clock' | 'messages'> & { store: TimelineStore };
export type ChangeIncidentDeps = Pick<Deps, 'chat' | 'log' | 'onIncidentChanged'> &
  Settings<'incident'> &
  RecordChangeDeps;
export type CheckReviewsDeps = Pick<Deps, 'chat' | 'clock' | 'log' | 'onIncidentChanged'> & {
  store: IncidentRecords;
} & Settings<'rca'>;
export type CloseTrackerIssueDeps = Pick<Deps, 'log' | 'tracker'>;
export type CompleteActionItemDeps = Pick<Deps, 'chat' | 'rca'> & Settings<'rca'> & CloseTrackerIssueDeps;
export type SnoozeReminderDeps = Pick<Deps, 'clock'> & { store: ReminderLedger } & Settings<'reminders'>;
export type DeclareIncidentDeps = Pick<Deps, 'chat' | 'ids' | 'log' | 'onIncidentChanged'> &
  Settings<'incident'> &
  RecordChangeDeps;
export type ExpireMessageLogDeps = Pick<Deps, 'clock' | 'messages'> & Settings<'timeline'>;
export type FillPermalinksDeps = Pick<Deps, 'chat' | 'log'> & { store: TimelineStore };
export type OpenReviewDeps = Pick<Deps, 'clock' | 'onIncidentChanged'> & Settings<'incident' | 'rca'>;
export type OpenTrackerIssuesDeps = Pick<Deps, 'clock' | 'log'> & Settings<'rca'>;
export type DraftRcaDeps = Pick<Deps, 'chat' | 'clock' | 'log' | 'rca' | 'tracker'> & {
  store: IncidentRecords & TimelineStore;
} & Settings<'incident' | 'rca'> &
  ExpireMessageLogDeps &
  FillPermalinksDeps &
  OpenReviewDeps &
  OpenTrackerIssuesDeps &
  PublishIncidentEventDeps;
export type MarkClosedIssuesDoneDeps = Pick<Deps, 'log' | 'rca' | 'tracker'> & {
  store: IncidentRecords;
} & Settings<'rca'>;
export type NudgeDueUpdatesDeps = Pick<Deps, 'clock' | 'log'> & {
  store: IncidentRecords & TimelineStore;
} & Settings<'incident'>;
export type PostStatusUpdateDeps = Pick<Deps, 'clock'> & {
  store: IncidentRecords & TimelineStore;
} & Settings<'incident'> &
  ChangeIncidentDeps;
export type RemindActionItemsDeps = Pick<Deps, 'clock' | 'log' | 'rca'> & {
  store: Locks & BotState & ReminderLedger;
} & Settings<'reminders'>;
export type ReopenIncidentDeps = Pick<Deps, 'onIncidentChanged' | 'onRcaRequested'> & {
  store: IncidentRecords & TimelineStore;
} & Settings<'incident'> &
  RecordChangeDeps;
export type ResolveIncidentDeps = Pick<Deps, 'clock' | 'onIncidentChanged' | 'onRcaRequested'> & {
  store: IncidentRecords;
} & Settings<'incident'> &
  ReopenIncidentDeps;
export type SendDigestDeps = Pick<Deps, 'clock'> & { store: Locks & ReminderLedger } & Settings<'reminders'>;
export type SetImpactStartDeps = Pick<Deps, 'clock' | 'onIncidentChanged'> & {
  store: TimelineStore;
} & Settings<'rca'> &
  RecordChangeDeps;
export type TimelineFromMessagesDeps = Pick<Deps, 'chat' | 'clock' | 'messages'> & {
  store: TimelineStore;
} & Settings<'timeline'>;

export type Outcome<T = void> = { ok: true; value: T; message?: string } | { ok: false; message: string };

export const ok = <T>(value: T, message?: string): Outcome<T> =>
  message === undefined ? { ok: true, value } : { ok: true, value, message };
export const fail = (message: string): Outcome<never> => ({ ok: false, message });
