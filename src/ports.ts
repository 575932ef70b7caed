import type { Incident } from '#domain/incident.ts';
import type { BotState } from '#src/ports/store/bot-state.ts';
import type { EventInbox } from '#src/ports/store/event-inbox.ts';
import type { IncidentRecords } from '#src/ports/store/incident-records.ts';
import type { Locks } from '#src/ports/store/locks.ts';
import type { OwnerLookups } from '#src/ports/store/owner-lookups.ts';
import type { ReminderLedger } from '#src/ports/store/reminder-ledger.ts';
import type { ScanCache } from '#src/ports/store/scan-cache.ts';
import type { StoreLifecycle } from '#src/ports/store/store-lifecycle.ts';
import type { TimelineStore } from '#src/ports/store/timeline-store.ts';
import type { UpdateOutbox } from '#src/ports/update-outbox.ts';

export type {
  BotState,
  EventInbox,
  IncidentRecords,
  Locks,
  OwnerLookups,
  ReminderLedger,
  ScanCache,
  StoreLifecycle,
  TimelineStore,
};

/**
 * Where incidents, their timelines and the bot's bookkeeping live (SQLite or PostgreSQL): every role in
 * `src/ports/store/`, over one database. Use cases ask for the roles they use, not for this.
 */
export type IncidentStore = StoreLifecycle &
  IncidentRecords &
  TimelineStore &
  EventInbox &
  Locks &
  ScanCache &
  ReminderLedger &
  OwnerLookups &
  BotState;

/** A status update as posted: what the person wrote and when the next one is due. */
export interface StatusUpdate {
  text: string;
  by: string;
  at: string;
  nextAt: string | null;
}

/** Where status updates and the nudges for missing ones go (Slack messages). */
export interface UpdatePublisher {
  /** Where each update waits between being recorded and being posted, so a restart posts it. */
  readonly outbox: UpdateOutbox;
  /**
   * Posts the formatted update in each channel (the incident's first). A broadcast channel Slack refuses
   * does not stop the others: it is given back, with Slack's reason.
   */
  publish(incident: Incident, update: StatusUpdate, channels: string[]): Promise<PostRefusal[]>;
  /** Reminds a person in the incident channel that an update was due at `dueAt`, with a button to post one. */
  nudge(incident: Incident, userId: string, dueAt: string): Promise<void>;
}

/** Who sends the nudge for a missed status-update period: exactly one caller, across restarts and replicas. */
export interface NudgeLedger {
  claimNudge(incidentId: string, slot: string, at: string): Promise<boolean>;
}

/** Time, injected so the domain and use cases never read the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type CreateChannelResult =
  | { ok: true; id: string; name: string }
  | { ok: false; error: 'name_taken' | 'invalid_name' }
  /** Slack refused for another reason (a workspace setting, a missing scope): `reason` says it in words. */
  | { ok: false; error: 'refused'; code: string; reason: string };

export interface FetchedMessage {
  ts: string;
  userId: string | null;
  text: string;
}

/** Someone Slack would not add to a channel, with its error code (`user_is_restricted`, …). */
export interface InviteRefusal {
  userId: string;
  reason: string;
}

/** A channel Slack would not post in, with its error code (`not_in_channel`, `channel_not_found`, …). */
export interface PostRefusal {
  channel: string;
  reason: string;
}

/** A Block Kit message: text is the notification and accessibility fallback. */
export interface ChatMessage {
  text: string;
  blocks?: unknown[];
}

/**
 * What the use cases ask of Slack. A post, update, ephemeral message or topic in an archived channel
 * throws a `ChannelArchivedError` (`#src/ports/channel-archived-error.ts`): retrying will not help.
 */
export interface Chat {
  /** A public channel, or a private one (`conversations.create` with `is_private`). */
  createChannel(name: string, options?: { isPrivate?: boolean }): Promise<CreateChannelResult>;
  /** Sets the channel topic, and the purpose when one is given. */
  setTopicAndPurpose(channelId: string, topic: string, purpose?: string): Promise<void>;
  /**
   * Invites people; those already in the channel (or the bot itself) are skipped, not an error. Never
   * throws for the people it could not invite: it gives them back, each with Slack's reason.
   */
  invite(channelId: string, userIds: string[]): Promise<InviteRefusal[]>;
  /** Posts to one channel land in the order they were called, whatever retries Slack forces. */
  post(channelId: string, message: ChatMessage, threadTs?: string): Promise<{ ts: string }>;
  /** Queued with the channel's posts, so a later update is never overtaken by an earlier one. */
  update(channelId: string, ts: string, message: ChatMessage): Promise<void>;
  postEphemeral(channelId: string, userId: string, message: ChatMessage): Promise<void>;
  pin(channelId: string, ts: string): Promise<void>;
  /**
   * Adds the bot's reaction; one that is already there is fine. The bot's Chat sends reactions in the
   * background (`backgroundReactions`): this may resolve before Slack has it, in order per message.
   */
  react(channelId: string, ts: string, name: string): Promise<void>;
  unreact(channelId: string, ts: string, name: string): Promise<void>;
  /** A message or thread reply by its ts, or null when it no longer exists. */
  fetchMessage(channelId: string, ts: string): Promise<FetchedMessage | null>;
  permalink(channelId: string, ts: string): Promise<string | null>;
  userName(userId: string): Promise<string | null>;
  usergroupMembers(groupId: string): Promise<string[]>;
  /** Whether a person is a member of a channel. */
  isMember(channelId: string, userId: string): Promise<boolean>;
  /** Everyone in a channel (the bot too). */
  channelMembers(channelId: string): Promise<string[]>;
  userIdByEmail(email: string): Promise<string | null>;
  /** A person by their @handle (name or display name), or null. */
  userIdByHandle(handle: string): Promise<string | null>;
  /** A person's email, when the bot may see it. */
  userEmail(userId: string): Promise<string | null>;
  /** Opens a modal; gives its view id, for `updateView`. */
  openView(triggerId: string, view: Record<string, unknown>): Promise<string | null>;
  /** Replaces an open modal's content (after a slow check that came after opening it). */
  updateView(viewId: string, view: Record<string, unknown>): Promise<void>;
  publishHome(userId: string, view: Record<string, unknown>): Promise<void>;
}

export interface IdGenerator {
  next(prefix: string): string;
}

export interface RcaFileInfo {
  path: string;
  blob: string;
}

/**
 * Why a commit is not on the remote: `unreachable` (kept, pushed when the remote answers), `auth` and
 * `not-found` (kept, pushed once the credentials or RCA_REPO are fixed), `refused` (a protected branch
 * or a hook said no; kept), `conflict` (someone changed the same lines: their version is kept and the
 * bot's commit is set aside, nothing pending).
 */
export type PushFailure = 'unreachable' | 'auth' | 'not-found' | 'refused' | 'rejected' | 'conflict';

export type CommitOutcome =
  | {
      committed: true;
      sha: string;
      pushed: boolean;
      branch: string;
      pushError?: string;
      pushFailure?: PushFailure;
      /** Where a conflicting commit was set aside (a ref in the bot's clone). */
      setAside?: string;
    }
  | { committed: false; reason: string };

/** The team's RCA repository, through the bot's own working clone. One writer at a time. */
export interface RcaRepository {
  /** Clones or opens the repository (and creates it when none is configured). */
  prepare(): Promise<void>;
  /**
   * Brings the clone up to date with the remote (the main branch, and `branch` too when given: a review
   * branch people may have pushed to); false when the remote cannot be reached.
   */
  pull(branch?: string): Promise<boolean>;
  /** A file on the main branch, or on `branch` (a review branch; the main branch until it exists). */
  readFile(path: string, branch?: string): Promise<string | null>;
  /** The file as the bot itself last committed it (what it wrote, before people edited it), or null. */
  readOwnLastVersion(path: string, branch?: string): Promise<string | null>;
  /** Every markdown file under the given directories, with its git blob id. */
  listFiles(dirs: string[]): Promise<RcaFileInfo[]>;
  /** The commit the clone is at. */
  head(): Promise<string | null>;
  /** Paths changed between two commits (for incremental scans). */
  changedPaths(from: string, to: string): Promise<string[] | null>;
  /** Writes, commits and pushes one file; a commit that cannot be pushed stays in the clone. */
  commitFile(path: string, content: string, message: string, branch?: string): Promise<CommitOutcome>;
  /** Pushes commits an unreachable remote left behind; says how many branches are still pending. */
  pushPending(): Promise<number>;
  /** Whether the remote has the branch as the clone has it (nothing left to push). */
  isPushed(branch: string): Promise<boolean>;
}

/** Where a reminder goes: a person (by direct message) or a channel. */
export type OwnerTarget = { kind: 'user'; id: string } | { kind: 'channel'; id: string };

/** Turns an Owner cell into Slack recipients; null when no one in the workspace can be found for it. */
export interface OwnerResolver {
  resolve(owner: string): Promise<OwnerTarget[] | null>;
}

/** A message of an incident channel (or one of its threads) as the bot heard it. */
export interface LoggedMessage {
  channelId: string;
  ts: string;
  threadTs: string | null;
  userId: string | null;
  text: string;
  deleted: boolean;
  /** The `event_ts` it was heard at: a later version (an edit, a deletion) always wins over an earlier one. */
  version: string;
}

/** A pushpin, written complete from the log when the log holds the message. */
export interface LogPin {
  incidentId: string;
  /** The entry's key, time and sort key (see `messageKey`, `tsToIso`, `normalizeTs`). */
  key: string;
  at: string;
  sortKey: string;
  channelId: string;
  ts: string;
  reactorId: string;
}

/** An Events API delivery as the inbox records it. */
export interface ArrivingEvent {
  eventId: string;
  body: string;
  receivedAt: string;
}

export interface LogPinResult {
  /** False when the message was on the timeline already. */
  added: boolean;
  /** The entry has its text and author from the log: nothing to ask Slack. */
  complete: boolean;
  authorId: string | null;
  authorName: string | null;
}

/**
 * The messages of incident channels, kept as they arrive with edits and deletions applied, so a pin
 * needs nothing from Slack; trimmed some days after the incident's RCA is committed.
 */
export interface MessageLog {
  record(message: LoggedMessage): Promise<void>;
  get(channelId: string, ts: string): Promise<LoggedMessage | null>;
  /** The replies of a thread, oldest first (the parent is not among them). */
  threadReplies(channelId: string, threadTs: string): Promise<LoggedMessage[]>;
  /** Adds the reactor and the entry in one step, complete (text, author, cached name) when the log has it. */
  pin(pin: LogPin, now: string): Promise<LogPinResult>;
  /**
   * A pushpin as it arrives: records its event in the inbox (`isNew` as `EventInbox.recordEvent` says
   * it) and, when the event is new, the pin as `pin` does, in one durable write, so the entry is
   * written and complete before the event is acked. A known event pins nothing.
   */
  pinEvent(event: ArrivingEvent, pin: LogPin, now: string): Promise<{ isNew: boolean; pinned: LogPinResult }>;
  /** The channel's log goes at `expiresAt` (the RCA was committed); later messages go with it. */
  expireChannel(channelId: string, expiresAt: string): Promise<void>;
  /** Deletes what has expired; says how many messages went. */
  trim(now: string): Promise<number>;
}

/** People's display names, kept in the store until they expire. */
export interface UserNameCache {
  getName(userId: string, now: string): Promise<{ name: string | null } | null>;
  setName(userId: string, name: string | null, expiresAt: string): Promise<void>;
}
